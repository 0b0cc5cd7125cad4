import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router-dom';
import { type MeUser, queryKeys } from '../../queries';
import { takeInvitationPath } from '../employees/employees-api';

/** After any successful login: the header knows the user at once; temporary passwords go to «Сменить пароль». */
export function useSignedIn() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(
    (user: MeUser | null | undefined) => {
      if (user) queryClient.setQueryData(queryKeys.me, user);
      // Refetched in any case: /me also lists the organisations the login answer does not carry.
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
      // An invitation opened before signing in (employees) is shown again.
      const invitation = user?.mustChangePassword ? null : takeInvitationPath();
      navigate(invitation ?? (user?.mustChangePassword ? '/cabinet/profile' : '/cabinet'), { replace: true });
    },
    [queryClient, navigate],
  );
}
