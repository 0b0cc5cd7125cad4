import { List, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type PasswordPolicy, passwordRules, passwordRuleText } from '../password-policy';

/** The policy's rules under a password field, each ticked off live as the user types. */
export function PasswordRulesList({
  policy,
  password,
  id,
}: {
  policy: PasswordPolicy;
  password: string;
  id?: string;
}) {
  const { t } = useTranslation();
  return (
    <div id={id}>
      <Text size="sm" fw={500}>
        {t('password.mustIntro')}:
      </Text>
      <List size="sm" spacing={2} center>
        {passwordRules(policy).map((rule) => {
          const met = password.length > 0 && rule.ok(password);
          return (
            <List.Item
              key={rule.code}
              data-rule={rule.code}
              data-met={met}
              icon={
                <ThemeIcon size={16} radius="xl" color={met ? 'teal.8' : 'gray.6'} aria-hidden>
                  <span>{met ? '✓' : '·'}</span>
                </ThemeIcon>
              }
            >
              <Text size="sm" c={met ? 'teal.9' : 'gray.8'} span>
                {passwordRuleText(t, rule)}
              </Text>
              <VisuallyHidden>{met ? t('password.ruleMet') : t('password.ruleNotMet')}</VisuallyHidden>
            </List.Item>
          );
        })}
      </List>
    </div>
  );
}
