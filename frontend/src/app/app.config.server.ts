import { HttpBackend } from '@angular/common/http';
import { type ApplicationConfig, mergeApplicationConfig } from '@angular/core';
import { provideServerRendering, withRoutes } from '@angular/ssr';
import { API_ORIGIN, ServerApiBackend } from './core/api/server-api.backend';
import { appConfig } from './app.config';
import { serverRoutes } from './app.routes.server';

// Server-only: during rendering the API is called directly, inside the network, not through the
// public load balancer.
const serverOnly: ApplicationConfig = {
  providers: [
    provideServerRendering(withRoutes(serverRoutes)),
    {
      provide: API_ORIGIN,
      useFactory: () => process.env['API_INTERNAL_URL'] ?? 'http://localhost:3000',
    },
    { provide: HttpBackend, useClass: ServerApiBackend },
  ],
};

export const serverConfig = mergeApplicationConfig(appConfig, serverOnly);
