import type { Routes } from '@angular/router';
import { adminGuard, signedInGuard, signedOutGuard } from './core/auth/session.guards';

export const routes: Routes = [
  {
    path: 'sign-in',
    canActivate: [signedOutGuard],
    title: 'auth.signIn.title',
    loadComponent: () => import('./features/auth/sign-in.page').then((m) => m.SignInPage),
  },
  {
    path: 'forgot-password',
    title: 'auth.forgot.title',
    canActivate: [signedOutGuard],
    loadComponent: () =>
      import('./features/auth/forgot-password.page').then((m) => m.ForgotPasswordPage),
  },
  {
    path: 'resume',
    title: 'auth.resume',
    loadComponent: () => import('./features/auth/resume.page').then((m) => m.ResumePage),
  },
  {
    path: 'status',
    title: 'status.title',
    loadComponent: () => import('./features/status/status.page').then((m) => m.StatusPage),
  },
  {
    path: '',
    canActivate: [signedInGuard],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'tonight.title',
        loadComponent: () => import('./features/tonight/tonight.page').then((m) => m.TonightPage),
      },
      {
        path: 'shelters/:shelterId/board',
        title: 'board.title',
        loadComponent: () => import('./features/board/board.page').then((m) => m.BoardPage),
      },
      {
        path: 'clients',
        title: 'clients.title',
        loadComponent: () => import('./features/clients/clients.page').then((m) => m.ClientsPage),
      },
      {
        path: 'clients/:clientId',
        title: 'profile.title',
        loadComponent: () =>
          import('./features/clients/client-profile.page').then((m) => m.ClientProfilePage),
      },
      {
        path: 'incidents',
        title: 'incidents.title',
        loadComponent: () =>
          import('./features/incidents/incidents.page').then((m) => m.IncidentsPage),
      },
      {
        path: 'reports/occupancy',
        title: 'report.title',
        loadComponent: () =>
          import('./features/reports/occupancy.page').then((m) => m.OccupancyPage),
      },
      {
        path: 'admin',
        canActivate: [adminGuard],
        children: [
          {
            path: 'users',
            title: 'users.title',
            loadComponent: () => import('./features/admin/users.page').then((m) => m.UsersPage),
          },
          {
            path: 'shelters',
            title: 'shelters.title',
            loadComponent: () =>
              import('./features/admin/shelters.page').then((m) => m.SheltersPage),
          },
        ],
      },
      {
        path: 'forbidden',
        title: 'pages.forbidden.title',
        loadComponent: () =>
          import('./features/errors/forbidden.page').then((m) => m.ForbiddenPage),
      },
    ],
  },
  {
    path: '**',
    title: 'pages.notFound.title',
    loadComponent: () => import('./features/errors/not-found.page').then((m) => m.NotFoundPage),
  },
];
