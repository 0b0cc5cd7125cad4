import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api';
import { signingErrorText } from '../../signing';
import type { AppDocument, ApplicationView } from './cert-api';
import { useCertSigner } from './cert-sign';
import { fieldErrorText } from './field-errors';
import { ACT_FIELD_KEYS, AUDITOR_ROLE_KEYS, labelOf, NONCONFORMITY_KEYS } from './keys';
import { type ActName, actionText } from './labels';

/** The acts a body (or moderator) performs; applicant actions are not offered here. */
const ACTS: ActName[] = [
  'register',
  'accept',
  'return',
  'refuse',
  'conclude_contract',
  'plan_audit',
  'stage1',
  'stage2',
  'decide',
  'issue_certificate',
  'surveillance',
  'suspend',
  'resume',
  'withdraw',
  'recertify',
];

type FieldKind = 'text' | 'textarea' | 'date' | 'positive' | 'reports' | 'team' | 'nonconformities';
interface FieldSpec {
  name: string;
  kind: FieldKind;
  required?: boolean;
}

/** What each act asks for (docs/certification.md, the act payloads). */
const FIELDS: Record<string, FieldSpec[]> = {
  register: [{ name: 'journalNumber', kind: 'text', required: true }],
  accept: [{ name: 'comment', kind: 'textarea' }],
  return: [{ name: 'comment', kind: 'textarea', required: true }],
  refuse: [{ name: 'reason', kind: 'textarea', required: true }],
  conclude_contract: [
    { name: 'contractNumber', kind: 'text', required: true },
    { name: 'contractDate', kind: 'date', required: true },
  ],
  plan_audit: [
    { name: 'analysisNote', kind: 'textarea' },
    { name: 'team', kind: 'team', required: true },
    { name: 'stage1Date', kind: 'date', required: true },
    { name: 'stage2Date', kind: 'date', required: true },
  ],
  stage1: [
    { name: 'date', kind: 'date', required: true },
    { name: 'summary', kind: 'textarea', required: true },
    { name: 'reportDocumentIds', kind: 'reports' },
  ],
  stage2: [
    { name: 'date', kind: 'date', required: true },
    { name: 'summary', kind: 'textarea', required: true },
    { name: 'reportDocumentIds', kind: 'reports', required: true },
    { name: 'nonconformities', kind: 'nonconformities' },
  ],
  decide: [
    { name: 'positive', kind: 'positive', required: true },
    { name: 'comment', kind: 'textarea', required: true },
  ],
  issue_certificate: [{ name: 'scope', kind: 'textarea' }],
  surveillance: [
    { name: 'date', kind: 'date', required: true },
    { name: 'summary', kind: 'textarea', required: true },
    { name: 'reportDocumentIds', kind: 'reports' },
  ],
  suspend: [{ name: 'reason', kind: 'textarea', required: true }],
  resume: [{ name: 'comment', kind: 'textarea' }],
  withdraw: [{ name: 'reason', kind: 'textarea', required: true }],
  recertify: [
    { name: 'date', kind: 'date', required: true },
    { name: 'summary', kind: 'textarea', required: true },
  ],
};

const PAYLOAD_FIELDS = [
  'journalNumber',
  'comment',
  'reason',
  'contractNumber',
  'contractDate',
  'analysisNote',
  'team',
  'stage1Date',
  'stage2Date',
  'date',
  'summary',
  'reportDocumentIds',
  'nonconformities',
  'positive',
  'scope',
] as const;

type Team = { fullName: string; role: 'lead' | 'auditor' | 'expert' }[];
type Nonconformities = {
  description: string;
  category: 'major' | 'minor';
  correctiveAction: string;
  dueDate: string;
}[];

function initialPayload(action: string): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const f of FIELDS[action] ?? []) {
    if (f.kind === 'team') payload[f.name] = [{ fullName: '', role: 'lead' }];
    else if (f.kind === 'reports' || f.kind === 'nonconformities') payload[f.name] = [];
    else if (f.kind === 'positive') payload[f.name] = true;
    else payload[f.name] = '';
  }
  return payload;
}

/** Empty optional texts are left out (the server's schema takes them as absent). */
function cleanPayload(action: string, payload: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of FIELDS[action] ?? []) {
    const value = payload[f.name];
    if (value === '' && !f.required) continue;
    out[f.name] = value;
  }
  return out;
}

/**
 * The buttons of the acts allowed in the application's state (the view's allowedActions). Each opens its form;
 * «Подписать и отправить» prepares the act, signs its JSON with the staff member's SIGN key and records it.
 */
export function ActsPanel({
  view,
  base,
  signer,
  onDone,
}: {
  view: ApplicationView;
  /** The application's API URL (…/queue/:id or the moderator's …/applications/:id). */
  base: string;
  signer: { iin?: string; bin?: string };
  onDone: (view: ApplicationView) => void;
}) {
  const { t } = useTranslation();
  const { signData } = useCertSigner();
  const [action, setAction] = useState<string | null>(null);
  const [payload, setPayload] = useState<Record<string, unknown>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const acts = ACTS.filter((a) => view.allowedActions.includes(a));
  const reports = view.documents.filter((d: AppDocument) => d.kind === 'report');

  const open = (name: string) => {
    setAction(name);
    setPayload(initialPayload(name));
    setErrors({});
    setFailure(null);
  };
  const set = (name: string, value: unknown) => setPayload((p) => ({ ...p, [name]: value }));
  const errorOf = (path: string) =>
    errors[`payload.${path}`] ? fieldErrorText(t, errors[`payload.${path}`]) : undefined;
  const label = (name: string) => labelOf(t, ACT_FIELD_KEYS, name);

  const perform = async () => {
    if (!action) return;
    setBusy(true);
    setErrors({});
    setFailure(null);
    try {
      const prepared = await api<{ signingRequest: { id: string; dataBase64: string } }>(
        `${base}/acts/prepare`,
        {
          method: 'POST',
          body: { action, payload: cleanPayload(action, payload) },
        },
      );
      const cms = await signData(prepared.signingRequest.dataBase64, signer);
      const next = await api<ApplicationView>(`${base}/acts`, {
        method: 'POST',
        body: { signingRequestId: prepared.signingRequest.id, cms },
      });
      setAction(null);
      onDone(next);
    } catch (error) {
      if (error instanceof ApiError && error.fields) setErrors(error.fields);
      setFailure(signingErrorText(t, error));
    } finally {
      setBusy(false);
    }
  };

  const renderField = (f: FieldSpec) => {
    const value = payload[f.name];
    switch (f.kind) {
      case 'text':
        return (
          <TextInput
            key={f.name}
            label={label(f.name)}
            withAsterisk={f.required}
            value={value as string}
            error={errorOf(f.name)}
            onChange={(e) => set(f.name, e.currentTarget.value)}
          />
        );
      case 'textarea':
        return (
          <Textarea
            key={f.name}
            label={label(f.name)}
            withAsterisk={f.required}
            autosize
            minRows={2}
            value={value as string}
            error={errorOf(f.name)}
            onChange={(e) => set(f.name, e.currentTarget.value)}
          />
        );
      case 'date':
        return (
          <TextInput
            key={f.name}
            type="date"
            label={label(f.name)}
            withAsterisk={f.required}
            value={value as string}
            error={errorOf(f.name)}
            onChange={(e) => set(f.name, e.currentTarget.value)}
          />
        );
      case 'positive':
        return (
          <Select
            key={f.name}
            label={label(f.name)}
            withAsterisk
            allowDeselect={false}
            data={[
              { value: 'yes', label: t('certification.acts.positiveYes') },
              { value: 'no', label: t('certification.acts.positiveNo') },
            ]}
            value={value ? 'yes' : 'no'}
            onChange={(v) => set(f.name, v === 'yes')}
          />
        );
      case 'reports':
        return (
          <MultiSelect
            key={f.name}
            label={label(f.name)}
            withAsterisk={f.required}
            data={reports.map((r) => ({ value: r.id, label: `${r.title} (${r.filename})` }))}
            value={value as string[]}
            error={errorOf(f.name)}
            nothingFoundMessage={t('certification.acts.noReports')}
            onChange={(v) => set(f.name, v)}
          />
        );
      case 'team': {
        const team = value as Team;
        return (
          <Stack key={f.name} gap="xs">
            <Text fw={500} size="sm">
              {label(f.name)}
            </Text>
            {team.map((member, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows without ids
              <Group key={index} grow align="end">
                <TextInput
                  label={t('certification.acts.memberName')}
                  value={member.fullName}
                  error={errorOf(`team.${index}.fullName`)}
                  onChange={(e) => {
                    const fullName = e.currentTarget.value;
                    set(
                      f.name,
                      team.map((m, i) => (i === index ? { ...m, fullName } : m)),
                    );
                  }}
                />
                <Select
                  label={t('certification.acts.memberRole')}
                  allowDeselect={false}
                  data={(['lead', 'auditor', 'expert'] as const).map((r) => ({
                    value: r,
                    label: labelOf(t, AUDITOR_ROLE_KEYS, r),
                  }))}
                  value={member.role}
                  onChange={(role) =>
                    set(
                      f.name,
                      team.map((m, i) =>
                        i === index ? { ...m, role: (role ?? 'auditor') as Team[number]['role'] } : m,
                      ),
                    )
                  }
                />
              </Group>
            ))}
            <Group>
              <Button
                size="xs"
                variant="subtle"
                onClick={() => set(f.name, [...team, { fullName: '', role: 'auditor' }])}
              >
                {t('certification.acts.addMember')}
              </Button>
            </Group>
          </Stack>
        );
      }
      case 'nonconformities': {
        const list = value as Nonconformities;
        return (
          <Stack key={f.name} gap="xs">
            <Text fw={500} size="sm">
              {label(f.name)}
            </Text>
            {list.map((item, index) => {
              const update = (patch: Partial<Nonconformities[number]>) =>
                set(
                  f.name,
                  list.map((m, i) => (i === index ? { ...m, ...patch } : m)),
                );
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows without ids
                <Stack key={index} gap={4} p="xs" style={{ border: '1px solid var(--mantine-color-gray-3)' }}>
                  <TextInput
                    label={t('certification.acts.ncDescription')}
                    value={item.description}
                    error={errorOf(`nonconformities.${index}.description`)}
                    onChange={(e) => update({ description: e.currentTarget.value })}
                  />
                  <Group grow>
                    <Select
                      label={t('certification.acts.ncCategory')}
                      allowDeselect={false}
                      data={(['major', 'minor'] as const).map((c) => ({
                        value: c,
                        label: labelOf(t, NONCONFORMITY_KEYS, c),
                      }))}
                      value={item.category}
                      onChange={(c) => update({ category: (c ?? 'minor') as 'major' | 'minor' })}
                    />
                    <TextInput
                      type="date"
                      label={t('certification.acts.ncDue')}
                      value={item.dueDate}
                      error={errorOf(`nonconformities.${index}.dueDate`)}
                      onChange={(e) => update({ dueDate: e.currentTarget.value })}
                    />
                  </Group>
                  <TextInput
                    label={t('certification.acts.ncAction')}
                    value={item.correctiveAction}
                    error={errorOf(`nonconformities.${index}.correctiveAction`)}
                    onChange={(e) => update({ correctiveAction: e.currentTarget.value })}
                  />
                </Stack>
              );
            })}
            <Group>
              <Button
                size="xs"
                variant="subtle"
                onClick={() =>
                  set(f.name, [
                    ...list,
                    { description: '', category: 'minor', correctiveAction: '', dueDate: '' },
                  ])
                }
              >
                {t('certification.acts.addNonconformity')}
              </Button>
            </Group>
          </Stack>
        );
      }
    }
  };

  if (acts.length === 0) return null;
  return (
    <>
      <Group gap="xs" data-testid="acts">
        {acts.map((name) => (
          <Button
            key={name}
            size="sm"
            variant={['return', 'refuse', 'suspend', 'withdraw'].includes(name) ? 'outline' : 'filled'}
            color={['return', 'refuse', 'suspend', 'withdraw'].includes(name) ? 'red' : 'blue'}
            onClick={() => open(name)}
          >
            {actionText(t, name)}
          </Button>
        ))}
      </Group>
      <Modal
        opened={!!action}
        onClose={() => setAction(null)}
        title={action ? actionText(t, action) : ''}
        size="lg"
      >
        <Stack>
          {(FIELDS[action ?? ''] ?? []).map(renderField)}
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAction(null)}>
              {t('certification.acts.cancel')}
            </Button>
            <Button color="green" loading={busy} onClick={perform}>
              {t('certification.acts.signAndSend')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
