import type { TestApp } from '../../test/app';
import type { MemberRight } from './members';

let binCounter = 0;

/**
 * A registered organisation with `adminAccountId` as its first active member (default rights: org_admin + head),
 * for tests of modules that build on organisations (banking, employees…). BINs are unique per call.
 */
export async function createTestOrganization(
  t: Pick<TestApp, 'ctx'>,
  opts: { adminAccountId: string; bin?: string; name?: string; rights?: MemberRight[] },
) {
  binCounter += 1;
  const bin =
    opts.bin ?? `9901${String(process.pid % 10000).padStart(4, '0')}${String(binCounter).padStart(4, '0')}`;
  return t.ctx.organizations.create(
    {
      bin,
      kind: 'legal_entity',
      nameRu: opts.name ?? `ТОО «Тест ${binCounter}»`,
      roles: ['supplier'],
      kse: '1',
    },
    { accountId: opts.adminAccountId, rights: opts.rights ?? ['org_admin', 'head'] },
  );
}
