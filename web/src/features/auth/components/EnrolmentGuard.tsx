import { useQuery } from '@tanstack/react-query';
import { Navigate, useLocation } from 'react-router';
import { totpQuery } from '../../staffAccounts/api';
import { useMe, useMyAbilities } from '../api/me';

/**
 * Staff whom REQUIRE_STAFF_2FA holds to two-factor sign-in and who have not enrolled yet are
 * sent to the account page's enrolment panel from every other page: the server refuses them
 * everything else anyway (403 `two_factor_enrolment_required`). Only staff (administrators,
 * moderators, chairs: `abilities.moderate`) ask; participants never can be required to.
 */
export function EnrolmentGuard() {
  const me = useMe();
  const abilities = useMyAbilities();
  const { pathname } = useLocation();
  const staff = Boolean(me && abilities?.moderate);
  const status = useQuery({ ...totpQuery(me?.id ?? ''), enabled: staff });
  if (!staff || pathname === '/account' || !status.data) return null;
  if (!status.data.required || status.data.enabled) return null;
  return <Navigate to="/account#two-factor" replace />;
}
