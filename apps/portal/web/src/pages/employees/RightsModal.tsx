import { Alert, Button, Checkbox, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { errorText } from '../../error-text';
import {
  ADMIN_ONLY_RIGHT,
  type EmployeeRow,
  employeeKeys,
  type MemberRight,
  updateEmployee,
} from './employees-api';
import { RIGHT_OPTIONS } from './rights';

/**
 * «Изменение прав сотрудника» (seed 001): the rights, «Заблокировать сотрудника» with «Причина блокировки»
 * (required), «Сохранить» — one request; the change applies on the employee's next request.
 */
export function RightsModal({
  organizationId,
  employee,
  onClose,
}: {
  organizationId: string;
  employee: EmployeeRow & { id: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [rights, setRights] = useState<MemberRight[]>(employee.rights);
  const [blocked, setBlocked] = useState(employee.status === 'blocked');
  const [reason, setReason] = useState(employee.blockReason ?? '');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [rightsError, setRightsError] = useState<string | null>(null);
  const pending = employee.status === 'pending';

  const save = useMutation({
    mutationFn: () =>
      updateEmployee(organizationId, employee.id, {
        rights,
        ...(pending ? {} : { blocked, ...(blocked ? { blockReason: reason.trim() } : {}) }),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: employeeKeys.list(organizationId) });
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.fields?.blockReason) setReasonError(error.fields.blockReason);
      if (error instanceof ApiError && error.fields?.rights) setRightsError(error.fields.rights);
    },
  });

  const toggle = (right: MemberRight, on: boolean) =>
    setRights((prev) => (on ? [...prev, right] : prev.filter((r) => r !== right)));

  return (
    <Modal opened onClose={onClose} title={t('employees.rightsTitle')} size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const noReason = blocked && !reason.trim();
          setReasonError(noReason ? t('employees.reasonRequired') : null);
          setRightsError(rights.length === 0 ? t('employees.rightsRequired') : null);
          if (noReason || rights.length === 0) return;
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <Text>
            {t('employees.fullName')}: <strong>{employee.fullName}</strong>
          </Text>
          <Checkbox.Group label={t('employees.rightsLabel')} value={rights} error={rightsError}>
            <Stack gap={6} mt="xs">
              {RIGHT_OPTIONS.map((option) => (
                <Checkbox
                  key={option.right}
                  value={option.right}
                  label={t(option.labelKey)}
                  description={option.right === ADMIN_ONLY_RIGHT ? t('employees.organizerHint') : undefined}
                  disabled={option.right === ADMIN_ONLY_RIGHT}
                  checked={rights.includes(option.right)}
                  onChange={(event) => toggle(option.right, event.currentTarget.checked)}
                />
              ))}
            </Stack>
          </Checkbox.Group>
          {!pending && (
            <>
              <Checkbox
                label={t('employees.block')}
                checked={blocked}
                onChange={(event) => setBlocked(event.currentTarget.checked)}
              />
              {blocked && (
                <Textarea
                  label={t('employees.blockReason')}
                  required
                  autosize
                  minRows={2}
                  maxLength={500}
                  value={reason}
                  onChange={(event) => setReason(event.currentTarget.value)}
                  error={reasonError}
                />
              )}
            </>
          )}
          {employee.self && <Alert color="yellow">{t('employees.selfWarning')}</Alert>}
          {save.isError && !(save.error instanceof ApiError && save.error.fields) && (
            <Alert color="red" role="alert">
              {errorText(t, save.error)}
            </Alert>
          )}
          <Group justify="space-between">
            <Button variant="default" onClick={onClose}>
              {t('employees.backToList')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('employees.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
