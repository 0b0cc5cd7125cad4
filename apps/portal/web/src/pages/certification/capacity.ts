/**
 * «Подать заявку: За себя / От имени организации» (seed 000): which capacities the caller may choose — the
 * server's rule (docs/certification.md «Capacity»): «За себя» for the head (right `head`) or the entrepreneur
 * themself; «От имени организации» for the head or the organisation's administrator (`org_admin`).
 */
export const CAPACITIES = ['self', 'organization'] as const;
export type Capacity = (typeof CAPACITIES)[number];

export const CAPACITY_KEYS = {
  self: { labelKey: 'certification.capacity.self' },
  organization: { labelKey: 'certification.capacity.organization' },
} as const;

export interface CapacityCaller {
  rights: readonly string[];
  kind?: string;
  bin: string;
  userIin?: string | null;
}

export function allowedCapacities({ rights, kind, bin, userIin }: CapacityCaller): Capacity[] {
  const owner = kind === 'individual_entrepreneur' && !!userIin && userIin === bin;
  const allowed: Capacity[] = [];
  if (rights.includes('head') || owner) allowed.push('self');
  if (rights.includes('head') || rights.includes('org_admin')) allowed.push('organization');
  return allowed;
}

/** The form's choice, else the seed's «За себя» when allowed, else the first allowed one. */
export function capacityOf(chosen: string | undefined, allowed: Capacity[]): Capacity | undefined {
  if (chosen === 'self' || chosen === 'organization') return chosen;
  return allowed.includes('self') ? 'self' : allowed[0];
}
