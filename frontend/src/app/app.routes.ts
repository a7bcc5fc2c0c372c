import type { Routes } from '@angular/router';
import { adminGuard, signedInGuard, signedOutGuard } from './core/auth/session.guards';

export const routes: Routes = [
  {
    path: 'sign-in',
    canActivate: [signedOutGuard],
    title: 'ACI-MTL',
    loadComponent: () => import('./features/auth/sign-in.page').then((m) => m.SignInPage),
  },
  {
    path: 'forgot-password',
    canActivate: [signedOutGuard],
    loadComponent: () =>
      import('./features/auth/forgot-password.page').then((m) => m.ForgotPasswordPage),
  },
  {
    path: 'resume',
    loadComponent: () => import('./features/auth/resume.page').then((m) => m.ResumePage),
  },
  {
    path: 'status',
    loadComponent: () => import('./features/status/status.page').then((m) => m.StatusPage),
  },
  {
    path: '',
    canActivate: [signedInGuard],
    children: [
      {
        path: '',
        pathMatch: 'full',
        loadComponent: () => import('./features/tonight/tonight.page').then((m) => m.TonightPage),
      },
      {
        path: 'shelters/:shelterId/board',
        loadComponent: () => import('./features/board/board.page').then((m) => m.BoardPage),
      },
      {
        path: 'clients',
        loadComponent: () => import('./features/clients/clients.page').then((m) => m.ClientsPage),
      },
      {
        path: 'clients/:clientId',
        loadComponent: () =>
          import('./features/clients/client-profile.page').then((m) => m.ClientProfilePage),
      },
      {
        path: 'incidents',
        loadComponent: () =>
          import('./features/incidents/incidents.page').then((m) => m.IncidentsPage),
      },
      {
        path: 'reports/occupancy',
        loadComponent: () =>
          import('./features/reports/occupancy.page').then((m) => m.OccupancyPage),
      },
      {
        path: 'admin',
        canActivate: [adminGuard],
        children: [
          {
            path: 'users',
            loadComponent: () => import('./features/admin/users.page').then((m) => m.UsersPage),
          },
          {
            path: 'shelters',
            loadComponent: () =>
              import('./features/admin/shelters.page').then((m) => m.SheltersPage),
          },
        ],
      },
      {
        path: 'forbidden',
        loadComponent: () =>
          import('./features/errors/forbidden.page').then((m) => m.ForbiddenPage),
      },
    ],
  },
  {
    path: '**',
    loadComponent: () => import('./features/errors/not-found.page').then((m) => m.NotFoundPage),
  },
];
