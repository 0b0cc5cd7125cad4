import { lazy } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router-dom';
import { RouteError } from './components/RouteError';
import { Shell } from './layout/Shell';
import { LoginPage } from './pages/auth/LoginPage';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';

// Pages beyond the first screen load as their own chunks. React.lazy (not the router's `lazy`) keeps the
// header on screen while a chunk loads: the Suspense boundaries sit in Shell and CabinetLayout.
const CabinetLayout = lazy(() =>
  import('./pages/cabinet/CabinetLayout').then((m) => ({ default: m.CabinetLayout })),
);
const CabinetSectionPage = lazy(() =>
  import('./pages/cabinet/CabinetSectionPage').then((m) => ({ default: m.CabinetSectionPage })),
);
const ProfilePage = lazy(() =>
  import('./pages/cabinet/ProfilePage').then((m) => ({ default: m.ProfilePage })),
);
const ProfileLayout = lazy(() =>
  import('./pages/cabinet/profile/ProfileLayout').then((m) => ({ default: m.ProfileLayout })),
);
const ProfileEditPage = lazy(() =>
  import('./pages/cabinet/profile/ProfileEditPage').then((m) => ({ default: m.ProfileEditPage })),
);
const DocumentsPage = lazy(() =>
  import('./pages/cabinet/profile/DocumentsPage').then((m) => ({ default: m.DocumentsPage })),
);
const ContactsPage = lazy(() =>
  import('./pages/cabinet/profile/ContactsPage').then((m) => ({ default: m.ContactsPage })),
);
const EmailConfirmPage = lazy(() =>
  import('./pages/cabinet/profile/EmailConfirmPage').then((m) => ({ default: m.EmailConfirmPage })),
);
const BankAccountsPage = lazy(() =>
  import('./pages/banking/BankAccountsPage').then((m) => ({ default: m.BankAccountsPage })),
);
const BankAccountFormPage = lazy(() =>
  import('./pages/banking/BankAccountFormPage').then((m) => ({ default: m.BankAccountFormPage })),
);
const BankAccountViewPage = lazy(() =>
  import('./pages/banking/BankAccountViewPage').then((m) => ({ default: m.BankAccountViewPage })),
);
const BankRequestsPage = lazy(() =>
  import('./pages/banking/BankRequestsPage').then((m) => ({ default: m.BankRequestsPage })),
);
const AdminBankRequestsPage = lazy(() =>
  import('./pages/banking/AdminBankRequestsPage').then((m) => ({ default: m.AdminBankRequestsPage })),
);
const UsersAdminPage = lazy(() =>
  import('./pages/admin/UsersAdminPage').then((m) => ({ default: m.UsersAdminPage })),
);
const AuditAdminPage = lazy(() =>
  import('./pages/admin/AuditAdminPage').then((m) => ({ default: m.AuditAdminPage })),
);
const RegisterPage = lazy(() =>
  import('./pages/auth/register/RegisterPage').then((m) => ({ default: m.RegisterPage })),
);
const ActivatePage = lazy(() =>
  import('./pages/auth/ActivatePage').then((m) => ({ default: m.ActivatePage })),
);
const ForgotPasswordPage = lazy(() =>
  import('./pages/recovery/ForgotPasswordPage').then((m) => ({ default: m.ForgotPasswordPage })),
);
const ResetPasswordPage = lazy(() =>
  import('./pages/recovery/ResetPasswordPage').then((m) => ({ default: m.ResetPasswordPage })),
);
const SlipPage = lazy(() => import('./pages/operator/SlipPage').then((m) => ({ default: m.SlipPage })));
const CatalogPage = lazy(() =>
  import('./pages/catalog/CatalogPage').then((m) => ({ default: m.CatalogPage })),
);
const VerifySignaturePage = lazy(() =>
  import('./pages/verify/VerifySignaturePage').then((m) => ({ default: m.VerifySignaturePage })),
);
const EmployeesPage = lazy(() =>
  import('./pages/employees/EmployeesPage').then((m) => ({ default: m.EmployeesPage })),
);
const InvitationPage = lazy(() =>
  import('./pages/employees/InvitationPage').then((m) => ({ default: m.InvitationPage })),
);
const DirectoriesAdminPage = lazy(() =>
  import('./pages/admin/DirectoriesAdminPage').then((m) => ({ default: m.DirectoriesAdminPage })),
);
const OutboxPage = lazy(() => import('./pages/dev/OutboxPage').then((m) => ({ default: m.OutboxPage })));

const OrganizationLayout = lazy(() =>
  import('./pages/organization/OrganizationLayout').then((m) => ({ default: m.OrganizationLayout })),
);
const OrganizationDataPage = lazy(() =>
  import('./pages/organization/OrganizationDataPage').then((m) => ({ default: m.OrganizationDataPage })),
);
const OrganizationAttributesPage = lazy(() =>
  import('./pages/organization/OrganizationAttributesPage').then((m) => ({
    default: m.OrganizationAttributesPage,
  })),
);
const OrganizationAddressesPage = lazy(() =>
  import('./pages/organization/OrganizationAddressesPage').then((m) => ({
    default: m.OrganizationAddressesPage,
  })),
);
const OrganizationHeadPage = lazy(() =>
  import('./pages/organization/OrganizationHeadPage').then((m) => ({ default: m.OrganizationHeadPage })),
);
const ParticipantRegistrationPage = lazy(() =>
  import('./pages/organization/ParticipantRegistrationPage').then((m) => ({
    default: m.ParticipantRegistrationPage,
  })),
);

const AdminOrganizationsPage = lazy(() =>
  import('./pages/organization/AdminOrganizationsPage').then((m) => ({ default: m.AdminOrganizationsPage })),
);

// E-certification of management systems (issue 6): applicant, body, moderator, registry, accreditations.
const certificationPage = <K extends string>(name: K) =>
  lazy(() =>
    import('./pages/certification/pages').then((m) => ({
      default: (m as unknown as Record<K, React.ComponentType>)[name],
    })),
  );
const CertificationPage = certificationPage('CertificationPage');
const CertificationApplicationPage = certificationPage('ApplicationPage');
const CertificationQueuePage = certificationPage('QueuePage');
const CertificationQueueApplicationPage = certificationPage('QueueApplicationPage');
const CertificationModeratorPage = certificationPage('ModeratorPage');
const CertificationModeratorApplicationPage = certificationPage('ModeratorApplicationPage');
const CertificationAccreditationsPage = certificationPage('AccreditationsPage');
const CertificateRegistryPage = certificationPage('RegistryPage');
const PublicCertificatePage = certificationPage('PublicCertificatePage');

/** The route table. To add a page: create it under pages/, add a route here, texts to locales/*.json. */
export const routes: RouteObject[] = [
  {
    element: <Shell />,
    children: [
      {
        // Pathless: a failing page renders RouteError inside the shell; header and footer stay.
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'login', element: <LoginPage /> },
          { path: 'register', element: <RegisterPage /> },
          { path: 'activate', element: <ActivatePage /> },
          { path: 'invitation', element: <InvitationPage /> },
          { path: 'confirm-email', element: <EmailConfirmPage /> },
          { path: 'password/forgot', element: <ForgotPasswordPage /> },
          { path: 'password/reset', element: <ResetPasswordPage /> },
          {
            path: 'cabinet',
            element: <CabinetLayout />,
            children: [
              { index: true, element: <Navigate to="services" replace /> },
              {
                path: 'profile',
                element: <ProfileLayout />,
                children: [
                  { index: true, element: <ProfilePage /> },
                  { path: 'edit', element: <ProfileEditPage /> },
                  { path: 'documents', element: <DocumentsPage /> },
                  { path: 'contacts', element: <ContactsPage /> },
                ],
              },
              { path: 'employees', element: <EmployeesPage /> },
              { path: 'directories', element: <DirectoriesAdminPage /> },
              { path: 'bank-accounts', element: <BankAccountsPage /> },
              { path: 'bank-accounts/new', element: <BankAccountFormPage /> },
              { path: 'bank-accounts/:id', element: <BankAccountViewPage /> },
              { path: 'bank-accounts/:id/edit', element: <BankAccountFormPage /> },
              { path: 'bank-requests', element: <BankRequestsPage /> },
              { path: 'bank-queue', element: <AdminBankRequestsPage /> },
              { path: 'users', element: <UsersAdminPage /> },
              { path: 'audit', element: <AuditAdminPage /> },
              { path: 'organization/register', element: <ParticipantRegistrationPage /> },
              {
                path: 'organization',
                element: <OrganizationLayout />,
                children: [
                  { index: true, element: <OrganizationDataPage /> },
                  { path: 'attributes', element: <OrganizationAttributesPage /> },
                  { path: 'contacts', element: <OrganizationAddressesPage /> },
                  { path: 'head', element: <OrganizationHeadPage /> },
                ],
              },
              { path: 'participants', element: <AdminOrganizationsPage /> },
              // The certification workspaces live at /certification… (the e-mails and the QR code link there).
              { path: 'certification', element: <Navigate to="/certification" replace /> },
              { path: 'certification-queue', element: <Navigate to="/certification/queue" replace /> },
              {
                path: 'certification-moderator',
                element: <Navigate to="/certification/moderator" replace />,
              },
              { path: 'accreditations', element: <Navigate to="/certification/accreditations" replace /> },
              { path: ':section', element: <CabinetSectionPage /> },
              { path: '*', element: <NotFoundPage headingOrder={2} /> },
            ],
          },
          { path: 'operator/slip/:id', element: <SlipPage /> },
          { path: 'verify', element: <VerifySignaturePage /> },
          { path: 'certification', element: <CertificationPage /> },
          { path: 'certification/applications/:id', element: <CertificationApplicationPage /> },
          { path: 'certification/queue', element: <CertificationQueuePage /> },
          { path: 'certification/queue/:id', element: <CertificationQueueApplicationPage /> },
          { path: 'certification/moderator', element: <CertificationModeratorPage /> },
          { path: 'certification/moderator/:id', element: <CertificationModeratorApplicationPage /> },
          { path: 'certification/accreditations', element: <CertificationAccreditationsPage /> },
          { path: 'certification/certificates/:number', element: <PublicCertificatePage /> },
          { path: 'registry/certificates', element: <CertificateRegistryPage /> },
          { path: 'services/*', element: <CatalogPage /> },
          { path: 'dev/outbox', element: <OutboxPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);
