import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Drawer,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { AdminForbidden } from '../../components/AdminForbidden';
import { PageLoader } from '../../components/PageLoader';
import { errorText } from '../../error-text';
import { usePageTitle } from '../../page-title';
import { useMe } from '../../queries';
import { AuditTable } from './AuditTable';
import {
  type AdminUser,
  formatDateTime,
  PORTAL_ROLES,
  type PortalRole,
  useAdminUser,
  useAdminUsers,
  useUserAction,
} from './admin-api';
import { kindText, roleText, statusText } from './labels';

const statusColor = { active: 'teal', blocked: 'red', pending_activation: 'yellow' } as const;

function StatusBadge({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      <Badge color={statusColor[user.status]} variant="light">
        {statusText(t, user.status)}
      </Badge>
      {user.lockedUntil && (
        <Badge color="orange" variant="light" title={formatDateTime(user.lockedUntil)}>
          {t('admin.users.locked')}
        </Badge>
      )}
    </Group>
  );
}

/** «Пользователи» (admin console): search by IIN / BIN / email / name; block, unblock, unlock, portal roles. */
export function UsersAdminPage() {
  const { t } = useTranslation();
  const title = t('admin.users.title');
  usePageTitle(title);
  const me = useMe();
  const isAdmin = Boolean(me.data?.roles?.includes('admin'));
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const users = useAdminUsers(q, isAdmin);
  const [openId, setOpenId] = useState<string | null>(null);

  if (me.isLoading) return <PageLoader />;
  if (!isAdmin) return <AdminForbidden title={title} text={t('admin.forbidden')} />;
  const rows = users.data?.pages.flatMap((p) => p.users) ?? [];

  return (
    <Stack gap="md">
      <Title order={2}>{title}</Title>
      <TextInput
        label={t('admin.users.search')}
        description={t('admin.users.searchHint')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={480}
      />
      {users.isError && <Alert color="red">{errorText(t, users.error)}</Alert>}
      <Table.ScrollContainer minWidth={900}>
        <Table striped withTableBorder highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.users.name')}</Table.Th>
              <Table.Th>{t('admin.users.iinBin')}</Table.Th>
              <Table.Th>{t('admin.users.email')}</Table.Th>
              <Table.Th>{t('admin.users.kind')}</Table.Th>
              <Table.Th>{t('admin.users.statusTitle')}</Table.Th>
              <Table.Th>{t('admin.users.roles')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.isSuccess && rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={7}>
                  <Text ta="center" c="gray.7" size="sm">
                    {t('admin.users.none')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {rows.map((u) => (
              <Table.Tr key={u.id} data-testid="admin-user-row">
                <Table.Td>{u.fullName ?? '—'}</Table.Td>
                <Table.Td>{u.kind === 'individual' ? u.iin : u.bin}</Table.Td>
                <Table.Td>{u.email ?? '—'}</Table.Td>
                <Table.Td>{kindText(t, u.kind)}</Table.Td>
                <Table.Td>
                  <StatusBadge user={u} />
                </Table.Td>
                <Table.Td>{u.roles.filter((r) => r !== 'user').join(', ') || '—'}</Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant="light" onClick={() => setOpenId(u.id)}>
                    {t('admin.users.open')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {users.hasNextPage && (
        <Button
          variant="default"
          onClick={() => users.fetchNextPage()}
          loading={users.isFetchingNextPage}
          w="fit-content"
        >
          {t('admin.nextPage')}
        </Button>
      )}
      <UserDrawer id={openId} selfId={me.data?.id} onClose={() => setOpenId(null)} />
    </Stack>
  );
}

function UserDrawer({ id, selfId, onClose }: { id: string | null; selfId?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const detail = useAdminUser(id);
  const action = useUserAction(id);
  const [blocking, setBlocking] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [roles, setRoles] = useState<PortalRole[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const user = detail.data?.user;
  const currentRoles = (user?.roles ?? []).filter((r): r is PortalRole =>
    (PORTAL_ROLES as readonly string[]).includes(r),
  );
  const shownRoles = roles ?? currentRoles;

  const close = () => {
    setBlocking(false);
    setReason('');
    setRoles(null);
    setNotice(null);
    action.reset();
    onClose();
  };
  const run = (a: Parameters<typeof action.mutate>[0], done?: () => void, message?: string) => {
    setNotice(null);
    action.mutate(a, {
      onSuccess: () => {
        done?.();
        if (message) setNotice(message);
      },
    });
  };
  const reasonError =
    action.error instanceof ApiError && action.error.fields?.reason ? action.error.fields.reason : undefined;

  return (
    <Drawer
      opened={id !== null}
      onClose={close}
      position="right"
      size="xl"
      title={t('admin.users.detailTitle')}
    >
      {detail.isLoading && <PageLoader />}
      {detail.isError && <Alert color="red">{errorText(t, detail.error)}</Alert>}
      {user && detail.data && (
        <Stack gap="md" data-testid="admin-user-detail">
          <Stack gap={2}>
            <Text fw={600}>{user.fullName ?? user.email ?? user.iin}</Text>
            <Text size="sm">
              {t('admin.users.iinBin')}: {user.kind === 'individual' ? user.iin : `${user.bin} (${user.iin})`}
            </Text>
            <Text size="sm">
              {t('admin.users.email')}: {user.email ?? '—'}
            </Text>
            <StatusBadge user={user} />
            {user.lockedUntil && (
              <Text size="sm" c="orange.8">
                {t('admin.users.lockedUntil', { time: formatDateTime(user.lockedUntil) })}
              </Text>
            )}
          </Stack>
          {notice && (
            <Alert color="teal" role="status">
              {notice}
            </Alert>
          )}
          {action.isError && !reasonError && (
            <Alert color="red" role="alert">
              {errorText(t, action.error)}
            </Alert>
          )}
          <Group gap="xs">
            {user.status === 'blocked' ? (
              <Button
                color="teal"
                onClick={() => run({ kind: 'unblock' }, undefined, t('admin.users.unblocked'))}
              >
                {t('admin.users.unblock')}
              </Button>
            ) : (
              <Button
                color="red"
                variant="light"
                disabled={user.id === selfId}
                onClick={() => setBlocking(true)}
              >
                {t('admin.users.block')}
              </Button>
            )}
            <Button
              variant="default"
              onClick={() => run({ kind: 'unlock' }, undefined, t('admin.users.unlocked'))}
            >
              {t('admin.users.unlock')}
            </Button>
          </Group>
          <Checkbox.Group
            label={t('admin.users.portalRoles')}
            value={shownRoles}
            onChange={(v) => setRoles(v as PortalRole[])}
          >
            <Group gap="md" mt={4}>
              {PORTAL_ROLES.map((r) => (
                <Checkbox key={r} value={r} label={roleText(t, r)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Button
            variant="light"
            w="fit-content"
            disabled={roles === null}
            loading={action.isPending && action.variables?.kind === 'roles'}
            onClick={() =>
              roles && run({ kind: 'roles', roles }, () => setRoles(null), t('admin.users.rolesSaved'))
            }
          >
            {t('admin.users.saveRoles')}
          </Button>
          <Title order={4}>{t('admin.users.memberships')}</Title>
          {detail.data.memberships.length === 0 ? (
            <Text size="sm" c="gray.7">
              {t('admin.users.noMemberships')}
            </Text>
          ) : (
            detail.data.memberships.map((m) => (
              <Text size="sm" key={m.organizationId}>
                {m.name} ({m.bin}) — {m.rights.join(', ')} · {m.status}
              </Text>
            ))
          )}
          <Title order={4}>{t('admin.users.recentEvents')}</Title>
          <AuditTable events={detail.data.events} compact />
        </Stack>
      )}
      <Modal opened={blocking} onClose={() => setBlocking(false)} title={t('admin.users.blockTitle')}>
        <Stack gap="sm">
          <Textarea
            label={t('admin.users.reason')}
            required
            autosize
            minRows={3}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setReasonMissing(false);
            }}
            error={reasonMissing ? t('admin.users.reasonRequired') : reasonError}
          />
          <Group justify="space-between">
            <Button
              color="red"
              loading={action.isPending}
              onClick={() =>
                // The server refuses an empty reason too (400 on the field); asked here first.
                reason.trim() === ''
                  ? setReasonMissing(true)
                  : run(
                      { kind: 'block', reason },
                      () => {
                        setBlocking(false);
                        setReason('');
                      },
                      t('admin.users.blocked'),
                    )
              }
            >
              {t('admin.users.block')}
            </Button>
            <Button variant="default" onClick={() => setBlocking(false)}>
              {t('admin.close')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Drawer>
  );
}
