import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { certificationCounters } from './tables';

/** The next value of a named counter (one atomic upsert: concurrent callers on any instance get distinct values). */
async function next(tx: Db, name: string): Promise<number> {
  const [row] = await tx
    .insert(certificationCounters)
    .values({ name, value: 1 })
    .onConflictDoUpdate({
      target: certificationCounters.name,
      set: { value: sql`${certificationCounters.value} + 1` },
    })
    .returning({ value: certificationCounters.value });
  return row.value;
}

/** Application number: `SM-<year>-<6+ digits>`, one sequence per calendar year (Asia/Almaty), e.g. SM-2026-000042. */
export async function nextApplicationNumber(tx: Db, year: number): Promise<string> {
  const n = await next(tx, `application:${year}`);
  return `SM-${year}-${String(n).padStart(6, '0')}`;
}

/**
 * Certificate number: `KZ.SM.<body BIN>.<year>.<6+ digits>`, one sequence per body and year, e.g.
 * KZ.SM.940140000385.2026.000007 — the body is readable from the number, and numbers never collide across bodies.
 */
export async function nextCertificateNumber(tx: Db, bodyBin: string, year: number): Promise<string> {
  const n = await next(tx, `certificate:${bodyBin}:${year}`);
  return `KZ.SM.${bodyBin}.${year}.${String(n).padStart(6, '0')}`;
}

/** The calendar date in Kazakhstan (UTC+5) as YYYY-MM-DD. */
export function almatyDate(t: Date): string {
  return new Date(t.getTime() + 5 * 3_600_000).toISOString().slice(0, 10);
}

/** YYYY-MM-DD plus months (the day clamped to the month's end: 2024-02-29 + 12 months = 2025-02-28). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
