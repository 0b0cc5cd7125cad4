// Every module's tables, gathered for Drizzle (queries and drizzle-kit). A module owns its tables.ts;
// other modules use its service, never its tables.
export * from '../modules/audit/tables';
export * from '../modules/banking/tables';
export * from '../modules/certification/tables';
export * from '../modules/directories/tables';
export * from '../modules/email-tokens/tables';
export * from '../modules/employees/tables';
export * from '../modules/files/tables';
export * from '../modules/identity/tables';
export * from '../modules/notifications/tables';
export * from '../modules/operator/tables';
export * from '../modules/organizations/tables';
export * from '../modules/otp/tables';
export * from '../modules/profile/tables';
export * from '../modules/recovery/tables';
export * from '../modules/registry/tables';
export * from '../modules/signature-login/tables';
export * from '../modules/signatures/tables';
