import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Registrations and password resets a service-centre (ЦОН) operator's workstation asked for (seed 002). The
 * request id is the primary key: a replayed request is refused by the database, on any instance. No password
 * is stored here — it travels once, in the portal-signed response.
 */
export const operatorRegistrations = pgTable('operator_registrations', {
  requestId: text('request_id').primaryKey(),
  action: text('action').notNull(),
  iin: text('iin').notNull(),
  accountId: uuid('account_id').notNull(),
  operatorIin: text('operator_iin').notNull(),
  operatorBin: text('operator_bin').notNull(),
  certificateSerial: text('certificate_serial').notNull(),
  requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
