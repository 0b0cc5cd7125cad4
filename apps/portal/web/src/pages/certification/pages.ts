// The section's pages, loaded as one chunk (routes.tsx).
export { AccreditationsPage } from './AccreditationsPage';
export { ApplicationPage } from './ApplicationPage';
export { CertificationPage } from './CertificationPage';
export { ModeratorApplicationPage, ModeratorPage } from './ModeratorPage';
export { PublicCertificatePage } from './PublicCertificatePage';
export { QueueApplicationPage } from './QueueApplicationPage';
export { QueuePage } from './QueuePage';
export { RegistryPage } from './RegistryPage';
