import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The new-bank requests table of the organisation («Мои заявки…») and of the administrator's queue: the caller's
 * columns, «Нет заявок» once the list has loaded empty.
 */
export function BankRequestsTable<R extends { id: string }>({
  rows,
  loaded,
  minWidth,
  rowTestId,
  columns,
}: {
  rows: R[];
  loaded: boolean;
  minWidth: number;
  rowTestId: string;
  columns: { header: string; cell: (row: R) => ReactNode }[];
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.header}>{column.header}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {loaded && rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={columns.length}>
                <Text ta="center" c="gray.7" size="sm">
                  {t('banking.requests.none')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {rows.map((row) => (
            <Table.Tr key={row.id} data-testid={rowTestId}>
              {columns.map((column) => (
                <Table.Td key={column.header}>{column.cell(row)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
