import { createBrowserRouter, Navigate, type RouteObject } from 'react-router-dom';
import { RouteError } from './components/RouteError';
import { Shell } from './layout/Shell';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { RegisterPage } from './pages/RegisterPage';

/**
 * The route table. Pages outside the first screen are lazy: each becomes its own chunk.
 * To add a page: create it under pages/, add a route here, its texts to locales/*.json (docs/web.md).
 */
export const routes: RouteObject[] = [
  {
    element: <Shell />,
    children: [
      {
        // Pathless: a failing page renders RouteError inside the shell, header and footer stay.
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'login', element: <LoginPage /> },
          { path: 'register', element: <RegisterPage /> },
          {
            path: 'cabinet',
            lazy: async () => ({ Component: (await import('./pages/cabinet/CabinetLayout')).CabinetLayout }),
            children: [
              { index: true, element: <Navigate to="services" replace /> },
              {
                path: ':section',
                lazy: async () => ({
                  Component: (await import('./pages/cabinet/CabinetSectionPage')).CabinetSectionPage,
                }),
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
          {
            path: 'dev/outbox',
            lazy: async () => ({ Component: (await import('./pages/dev/OutboxPage')).OutboxPage }),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);
