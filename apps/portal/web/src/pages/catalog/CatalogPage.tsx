import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { type CatalogNode, nodeAtPath, useCatalog } from '../../catalog';
import { CatalogTrail } from '../../components/CatalogTrail';
import { PageLoader } from '../../components/PageLoader';
import { errorText } from '../../error-text';
import type { Language } from '../../i18n';
import { usePageTitle } from '../../page-title';
import { useMe } from '../../queries';
import { NotFoundPage } from '../NotFoundPage';

/**
 * /services and /services/… — the service catalogue (seed 000: Услуги → Сертификация → Сервис электронной
 * сертификации → Сертификация соответствия системы менеджмента): a section lists its entries, a service
 * describes itself and leads to where it starts.
 */
export function CatalogPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const catalog = useCatalog();
  if (catalog.isPending) return <PageLoader />;
  if (catalog.isError)
    return (
      <Alert color="red" role="alert">
        {errorText(t, catalog.error)}
      </Alert>
    );
  const node = nodeAtPath(catalog.data, pathname);
  if (!node) return <NotFoundPage />;
  return <CatalogEntryView node={node} nodes={catalog.data} />;
}

function CatalogEntryView({ node, nodes }: { node: CatalogNode; nodes: CatalogNode[] }) {
  const { t, i18n } = useTranslation();
  const lang = (['kk', 'ru', 'en'].includes(i18n.language) ? i18n.language : 'ru') as Language;
  usePageTitle(node.name[lang]);
  const me = useMe();
  const children = node.children
    .map((id) => nodes.find((n) => n.id === id))
    .filter((n): n is CatalogNode => !!n);
  return (
    <Stack gap="lg" data-catalog-node={node.id}>
      <CatalogTrail nodeId={node.id} current />
      <Stack gap="xs" maw={860}>
        <Title order={1}>{node.name[lang]}</Title>
        <Text>{node.description[lang]}</Text>
      </Stack>
      {node.kind === 'service' && node.href && (
        <Stack gap="sm" maw={860}>
          {node.requiresLogin && !me.data && <Text c="gray.7">{t('catalogPage.loginRequired')}</Text>}
          <div>
            <Button component={Link} to={node.href}>
              {t('catalogPage.openService')}
            </Button>
          </div>
        </Stack>
      )}
      {node.kind === 'section' &&
        (children.length === 0 ? (
          <Text c="gray.7">{t('catalogPage.empty')}</Text>
        ) : (
          <SimpleGrid
            cols={{ base: 1, sm: 2 }}
            spacing="md"
            component="ul"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
          >
            {children.map((child) => (
              <Card key={child.id} withBorder padding="lg" component="li">
                <Stack gap="xs">
                  <Group gap="xs" justify="space-between" wrap="nowrap">
                    <Title order={2} size="h4">
                      <Link to={child.path}>{child.name[lang]}</Link>
                    </Title>
                    <Badge variant="light" color={child.kind === 'service' ? 'teal' : 'blue'}>
                      {child.kind === 'service' ? t('catalogPage.service') : t('catalogPage.section')}
                    </Badge>
                  </Group>
                  <Text size="sm">{child.description[lang]}</Text>
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        ))}
    </Stack>
  );
}
