/**
 * The demo region's organizations: 吴忠市 (宁夏回族自治区, GB/T 2260 640300), its five county-level
 * governments and a few departments. Names and division codes are real; organization codes are
 * real only for 吴忠市人民政府 (640300000) and 吴忠市政府服务中心 (640300032, the front segment of
 * the real index number 640300032/2018-04416); every other code is MADE UP for the demo (marked
 * `synthetic` below). OGI office contact facts are examples (示例), not the offices' real ones.
 */
import type { OgiOffice, OrganizationKind, OrganizationLevel } from '../organizations/organization.ts';

/** The key a demo organization is referred to by in the demo data. */
export type DemoOrgKey =
  | 'city'
  | 'cityOffice'
  | 'serviceCenter'
  | 'finance'
  | 'ecology'
  | 'agriculture'
  | 'litong'
  | 'hongsibao'
  | 'qingtongxia'
  | 'yanchi'
  | 'tongxin'
  | 'yanchiAgriDev';

/** One demo organization. */
export interface DemoOrganization {
  key: DemoOrgKey;
  /** The parent's key; null for the region's root. */
  parent: DemoOrgKey | null;
  name: string;
  shortName: string;
  kind: OrganizationKind;
  level: OrganizationLevel;
  divisionCode: string;
  organizationCode: string;
  /** True when the organization code is made up for the demo. */
  syntheticCode: boolean;
  /** The organization whose OGI office is the competent OGI department (2019 art. 3). */
  competent: DemoOrgKey | null;
  /** Whether the demo gives it an editor and an approver (the counties). */
  staff: boolean;
}

/** The organization code of the demo region's root, 吴忠市人民政府: its presence means the demo is loaded. */
export const DEMO_ROOT_CODE = '640300000';

/** The organizations in creation order (parents first). */
export const DEMO_ORGANIZATIONS: readonly DemoOrganization[] = [
  { key: 'city', parent: null, name: '吴忠市人民政府', shortName: '吴忠市', kind: 'government', level: 'city', divisionCode: '640300', organizationCode: DEMO_ROOT_CODE, syntheticCode: false, competent: 'cityOffice', staff: false },
  // The general office is the competent OGI department of the city government, its departments and the counties.
  { key: 'cityOffice', parent: 'city', name: '吴忠市人民政府办公室', shortName: '市政府办公室', kind: 'department', level: 'city', divisionCode: '640300', organizationCode: '640300001', syntheticCode: true, competent: null, staff: true },
  { key: 'serviceCenter', parent: 'city', name: '吴忠市政府服务中心', shortName: '市政府服务中心', kind: 'department', level: 'city', divisionCode: '640300', organizationCode: '640300032', syntheticCode: false, competent: 'cityOffice', staff: false },
  { key: 'finance', parent: 'city', name: '吴忠市财政局', shortName: '市财政局', kind: 'department', level: 'city', divisionCode: '640300', organizationCode: '640300101', syntheticCode: true, competent: 'cityOffice', staff: false },
  { key: 'ecology', parent: 'city', name: '吴忠市生态环境局', shortName: '市生态环境局', kind: 'department', level: 'city', divisionCode: '640300', organizationCode: '640300102', syntheticCode: true, competent: 'cityOffice', staff: false },
  { key: 'agriculture', parent: 'city', name: '吴忠市农业农村局', shortName: '市农业农村局', kind: 'department', level: 'city', divisionCode: '640300', organizationCode: '640300103', syntheticCode: true, competent: 'cityOffice', staff: false },
  { key: 'litong', parent: 'city', name: '吴忠市利通区人民政府', shortName: '利通区', kind: 'government', level: 'county', divisionCode: '640302', organizationCode: '640302000', syntheticCode: true, competent: 'cityOffice', staff: true },
  { key: 'hongsibao', parent: 'city', name: '吴忠市红寺堡区人民政府', shortName: '红寺堡区', kind: 'government', level: 'county', divisionCode: '640303', organizationCode: '640303000', syntheticCode: true, competent: 'cityOffice', staff: true },
  { key: 'qingtongxia', parent: 'city', name: '青铜峡市人民政府', shortName: '青铜峡市', kind: 'government', level: 'county', divisionCode: '640381', organizationCode: '640381000', syntheticCode: true, competent: 'cityOffice', staff: true },
  { key: 'yanchi', parent: 'city', name: '盐池县人民政府', shortName: '盐池县', kind: 'government', level: 'county', divisionCode: '640323', organizationCode: '640323000', syntheticCode: true, competent: 'cityOffice', staff: true },
  { key: 'tongxin', parent: 'city', name: '同心县人民政府', shortName: '同心县', kind: 'government', level: 'county', divisionCode: '640324', organizationCode: '640324000', syntheticCode: true, competent: 'cityOffice', staff: true },
  // A county department; its county government is the competent OGI department here (the county's general office is not modelled).
  { key: 'yanchiAgriDev', parent: 'yanchi', name: '盐池县农业综合开发办公室', shortName: '县农发办', kind: 'department', level: 'county', divisionCode: '640323', organizationCode: '640323101', syntheticCode: true, competent: 'yanchi', staff: false },
];

/**
 * Example OGI office facts for an organization (2019 art. 12): every value marked 示例, phone and fax
 * in the 0953 area code with a made-up 555 exchange, e-mail at example.org (a domain reserved for examples).
 */
export function demoOgiOffice(org: DemoOrganization, index: number): OgiOffice {
  const serial = String(index + 1).padStart(2, '0');
  return {
    name: `${org.name}政府信息公开工作机构（示例）`,
    address: `示例地址：宁夏回族自治区${org.shortName}示例路 ${index + 1} 号（演示数据）`,
    officeHours: '工作日上午 8:30—12:00，下午 14:30—18:00（示例）',
    phone: `0953-555${serial}01（示例号码）`,
    fax: `0953-555${serial}02（示例号码）`,
    email: `ogi-demo-${org.organizationCode}@example.org`,
    website: 'https://example.org/',
    postcode: '751100',
  };
}
