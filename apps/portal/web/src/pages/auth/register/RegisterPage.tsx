import { Alert, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import { ApiError } from '../../../api';
import { usePageTitle } from '../../../page-title';
import { isPasswordPolicy } from '../../../password-policy';
import { usePublicConfig } from '../../../queries';
import { RegistrationDone } from './RegistrationDone';
import { type RegistrationAnswer, SERVER_FIELD_ALIASES } from './register-api';
import { CONTACT_FIELDS, StepContacts } from './StepContacts';
import { StepIdentify } from './StepIdentify';
import { StepKind } from './StepKind';
import { StepSign } from './StepSign';
import {
  type ContactValues,
  initialWizardState,
  type RegisterPrefill,
  type WizardState,
} from './wizard-state';

const STEP_COUNT = 4;

/**
 * «Регистрация»: the four steps of seed 000 (type → identify → e-mail and password → ЭЦП and agreement) with
 * seed 002's certificate data and seed 004's types. Opened from the login page with a certificate that has
 * no account, steps 1–2 come prefilled (seed 001).
 */
export function RegisterPage() {
  const { t } = useTranslation();
  usePageTitle(t('register.title'));
  const location = useLocation();
  const prefill = (location.state as { prefill?: RegisterPrefill } | null)?.prefill;
  const config = usePublicConfig();
  const policy = isPasswordPolicy(config.data?.passwordPolicy) ? config.data.passwordPolicy : 'techreg';

  const [state, setState] = useState<WizardState>(() => initialWizardState(prefill));
  const [step, setStep] = useState(0);
  const [serverErrors, setServerErrors] = useState<Partial<Record<keyof ContactValues, string>>>({});
  const [done, setDone] = useState<RegistrationAnswer | null>(null);
  const patch = (next: Partial<WizardState>) => setState((prev) => ({ ...prev, ...next }));

  if (done) return <RegistrationDone message={done.message} email={done.email} />;

  /** Field errors of the registration route for step 3's fields: back to step 3 with them. */
  const handleFieldErrors = (error: unknown): boolean => {
    if (!(error instanceof ApiError) || !error.fields) return false;
    const errors: Partial<Record<keyof ContactValues, string>> = {};
    for (const [name, message] of Object.entries(error.fields)) {
      const field = SERVER_FIELD_ALIASES[name] ?? name;
      if ((CONTACT_FIELDS as readonly string[]).includes(field))
        errors[field as keyof ContactValues] = message;
    }
    if (!Object.keys(errors).length) return false;
    setServerErrors(errors);
    setStep(2);
    return true;
  };

  const labels = [
    t('register.stepKind'),
    t('register.stepIdentify'),
    t('register.stepContacts'),
    t('register.stepSign'),
  ];

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('register.title')}</Title>
        <Text c="gray.7" data-testid="step-counter">
          {t('register.stepOf', { step: step + 1, total: STEP_COUNT })}
        </Text>
      </div>
      {prefill?.fromLogin && step === 0 && <Alert color="blue">{t('register.fromLogin')}</Alert>}
      <Paper withBorder p="lg" radius="md">
        <Stepper
          active={step}
          allowNextStepsSelect={false}
          size="sm"
          mb="lg"
          aria-label={t('register.stepsLabel')}
        >
          {labels.map((label) => (
            <Stepper.Step key={label} label={label} />
          ))}
        </Stepper>
        <Title order={2} size="h3" mb="md">
          {labels[step]}
        </Title>
        {step === 0 && (
          <StepKind
            state={state}
            onNext={(next) => {
              // Another type changes what step 2 asks for; a certificate from the login page stays.
              const changed = next.kind !== state.kind;
              patch({
                ...next,
                ...(changed && !prefill?.certificate ? { organization: null, certificate: null } : {}),
              });
              setStep(1);
            }}
          />
        )}
        {step === 1 && (
          <StepIdentify
            state={state}
            onBack={(next) => {
              patch(next);
              setStep(0);
            }}
            onNext={(next) => {
              const email = state.contacts.email || next.certificate?.email?.toLowerCase() || '';
              patch({ ...next, contacts: { ...state.contacts, email } });
              setStep(2);
            }}
          />
        )}
        {step === 2 && (
          <StepContacts
            values={state.contacts}
            policy={policy}
            serverErrors={serverErrors}
            onBack={(contacts) => {
              patch({ contacts });
              setStep(1);
            }}
            onNext={(contacts) => {
              patch({ contacts });
              setServerErrors({});
              setStep(3);
            }}
          />
        )}
        {step === 3 && (
          <StepSign
            state={state}
            onBack={() => setStep(2)}
            onDone={setDone}
            onFieldErrors={handleFieldErrors}
          />
        )}
      </Paper>
    </Stack>
  );
}
