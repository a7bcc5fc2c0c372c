import {
  AngularNodeAppEngine,
  createNodeRequestHandler,
  isMainModule,
  writeResponseToNodeResponse,
} from '@angular/ssr/node';
import express from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { join } from 'node:path';

const browserDistFolder = join(import.meta.dirname, '../browser');
const apiUrl = process.env['API_INTERNAL_URL'] ?? 'http://localhost:3000';

const app = express();
const angularApp = new AngularNodeAppEngine();

app.disable('x-powered-by');

app.get('/healthz', (_req, res) => {
  res.json({ status: 'ok' });
});

// In production the load balancer sends /api straight to the API; locally, and anywhere the web
// client is reached on its own, this keeps the browser on one origin (cookies, no CORS).
app.use(
  createProxyMiddleware({
    target: apiUrl,
    pathFilter: '/api',
    xfwd: true,
    proxyTimeout: 30_000,
  }),
);

app.use(express.static(browserDistFolder, { maxAge: '1y', index: false, redirect: false }));

// Rendered pages carry the signed-in person's data, and the API responses they were rendered
// with for hydration to reuse: never to be kept by a browser's or a proxy's cache.
app.use((req, res, next) => {
  res.setHeader('cache-control', 'private, no-store');
  angularApp
    .handle(req)
    .then((response) => (response ? writeResponseToNodeResponse(response, res) : next()))
    .catch(next);
});

if (isMainModule(import.meta.url)) {
  const port = Number(process.env['PORT'] ?? 4200);
  const host = process.env['HOST'] ?? '0.0.0.0';
  const server = app.listen(port, host, (error) => {
    if (error) {
      const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
      console.error(
        inUse ? `Port ${port} is already in use: stop what listens there or set PORT.` : error,
      );
      process.exit(1);
    }
    console.log(JSON.stringify({ level: 'info', msg: 'Web client listening', port, apiUrl }));
  });

  const shutdown = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

/** The request handler the Angular CLI uses for its dev server and for build-time rendering. */
export const reqHandler = createNodeRequestHandler(app);
