/** The ten categories of the sample and, for each, the kinds of project a village or town may get. */
import type { GoalId } from '../../src/contract/config';
import type { CategoryId } from './types';

/** A category as written to atlas.config.json. */
export interface Category {
  id: CategoryId;
  zh: string;
  en: string;
  /**
   * Chosen apart from every class colour the map draws (CIEDE2000 ≥ 12 against the ColorBrewer ramps
   * and the no-data grey, ≥ 19 between categories) and dark enough for a ring marker's outline (≥ 3:1
   * against the town fill): test/unit/domain/category-colours.test.ts.
   */
  colour: string;
  goal: GoalId | null;
  /** Soft bounds of one project's budget, 万元: budgets outside are drawn back just inside. */
  budgetWan: [number, number];
  /** Planned duration in whole months, from start to due. */
  months: [number, number];
  /** Jobs created by one project, for the categories that create jobs. */
  jobs: [number, number] | null;
  /** Where the money comes from, with weights. */
  funds: readonly (readonly [string, number])[];
}

const SPECIAL = '财政专项扶贫资金';
const INTEGRATED = '整合涉农资金';
const SOCIAL = '社会帮扶资金';
const LOANS = '金融扶贫贷款';
const PAIRING = '对口协作资金';
const SECTOR = '行业部门资金';
const RELOCATION_FUND = '易地扶贫搬迁资金';

export const CATEGORIES: readonly Category[] = [
  { id: 'industry', zh: '产业发展', en: 'Industry', colour: '#988800', goal: 'industry', budgetWan: [5, 300], months: [3, 9], jobs: [3, 40], funds: [[SPECIAL, 4], [INTEGRATED, 3], [SOCIAL, 1], [PAIRING, 1]] },
  { id: 'tourism', zh: '乡村旅游', en: 'Rural tourism', colour: '#c448c0', goal: 'industry', budgetWan: [5, 200], months: [3, 8], jobs: [2, 25], funds: [[SPECIAL, 2], [INTEGRATED, 2], [SOCIAL, 1], [PAIRING, 1]] },
  { id: 'employment', zh: '就业创业', en: 'Employment', colour: '#008890', goal: 'employment', budgetWan: [2, 150], months: [2, 8], jobs: [5, 60], funds: [[SPECIAL, 3], [SECTOR, 2], [PAIRING, 1]] },
  { id: 'infrastructure', zh: '基础设施', en: 'Infrastructure (water, power, roads)', colour: '#405018', goal: null, budgetWan: [10, 300], months: [4, 11], jobs: null, funds: [[INTEGRATED, 4], [SPECIAL, 3], [SECTOR, 2]] },
  { id: 'relocation', zh: '易地搬迁', en: 'Relocation', colour: '#f84068', goal: 'household', budgetWan: [5, 300], months: [6, 11], jobs: null, funds: [[RELOCATION_FUND, 5], [INTEGRATED, 1]] },
  { id: 'education', zh: '教育保障', en: 'Education', colour: '#7070c0', goal: 'household', budgetWan: [2, 120], months: [2, 6], jobs: null, funds: [[SECTOR, 3], [SPECIAL, 2], [SOCIAL, 1]] },
  { id: 'health', zh: '健康医疗', en: 'Health care', colour: '#583c6c', goal: 'household', budgetWan: [1, 80], months: [2, 7], jobs: null, funds: [[SECTOR, 3], [SPECIAL, 2]] },
  { id: 'finance', zh: '金融扶持', en: 'Financial support', colour: '#9c6000', goal: 'household', budgetWan: [1, 300], months: [2, 5], jobs: null, funds: [[LOANS, 4], [SPECIAL, 2]] },
  { id: 'environment', zh: '美丽乡村', en: 'Beautiful village (living environment)', colour: '#108438', goal: 'beauty', budgetWan: [3, 300], months: [2, 7], jobs: null, funds: [[INTEGRATED, 3], [SPECIAL, 1], [SOCIAL, 1]] },
  { id: 'party', zh: '党建引领', en: 'Party building', colour: '#a81054', goal: null, budgetWan: [3, 100], months: [3, 8], jobs: null, funds: [[SPECIAL, 2], [INTEGRATED, 1], [SOCIAL, 1]] },
];

/** The category of an id. */
export function category(id: CategoryId): Category {
  const c = CATEGORIES.find((k) => k.id === id);
  if (!c) throw new Error(`unknown category ${id}`);
  return c;
}

/** What the quantity of an item counts, when it is tied to the village's figures rather than drawn freely. */
export type QuantityOf = 'households' | 'poorHouseholds' | 'poorPeople' | null;

/**
 * A kind of project. Templates may use {q} (the quantity), {bh} (beneficiary households),
 * {bph} (beneficiary poor households), {ppl} (people of those poor households), {jobs} and {inc}
 * (a targeted income gain in 元).
 */
export interface Item {
  category: CategoryId;
  label: string;
  content: string;
  /** Quantity range and decimals, when drawn freely. */
  q: [number, number, number];
  quantityOf: QuantityOf;
  /** Cost of one unit of quantity, 万元. */
  wanPerUnit: [number, number];
  /** Share of the village's households that benefit. */
  reach: [number, number];
  /** Share of the village's poor households that benefit. */
  poorReach: [number, number];
  target: string;
  /** County department responsible when the town government is not; null: always the town government. */
  dept: string | null;
}

const AGRI = '竹溪县农业局';
const FOREST = '竹溪县林业局';
const LIVESTOCK = '竹溪县畜牧兽医局';
const DEVREF = '竹溪县发展和改革局';
const TOURISM = '竹溪县旅游局';
const LABOUR = '竹溪县人力资源和社会保障局';
const TRANSPORT = '竹溪县交通运输局';
const WATER = '竹溪县水利局';
const POVERTY = '竹溪县扶贫开发办公室';
const EDUCATION = '竹溪县教育局';
const HEALTH = '竹溪县卫生和计划生育局';
const FINANCE = '竹溪县财政局';
const HOUSING = '竹溪县住房和城乡建设局';
const ENVIRONMENT = '竹溪县环境保护局';

/** Shorthand for an item. */
function item(category: CategoryId, label: string, content: string, q: [number, number, number], quantityOf: QuantityOf, wanPerUnit: [number, number], reach: [number, number], poorReach: [number, number], target: string, dept: string | null): Item {
  return { category, label, content, q, quantityOf, wanPerUnit, reach, poorReach, target, dept };
}

/** Projects of a village. */
export const VILLAGE_ITEMS: readonly Item[] = [
  item('industry', '茶叶基地', '新建茶园{q}亩', [50, 400, 0], null, [0.25, 0.5], [0.1, 0.4], [0.2, 0.6], '带动{bph}户贫困户户均增收{inc}元', AGRI),
  item('industry', '食用菌大棚', '新建食用菌大棚{q}个', [5, 40, 0], null, [1.5, 3], [0.03, 0.12], [0.1, 0.35], '带动{bph}户贫困户户均增收{inc}元', AGRI),
  item('industry', '魔芋种植基地', '种植魔芋{q}亩', [50, 300, 0], null, [0.2, 0.35], [0.08, 0.3], [0.15, 0.5], '带动{bph}户贫困户户均增收{inc}元', AGRI),
  item('industry', '中药材基地', '种植黄连、天麻等中药材{q}亩', [30, 200, 0], null, [0.3, 0.6], [0.05, 0.25], [0.1, 0.4], '带动{bph}户贫困户户均增收{inc}元', FOREST),
  item('industry', '标准化养殖场', '新建标准化圈舍{q}平方米', [300, 2000, 0], null, [0.03, 0.06], [0.02, 0.1], [0.05, 0.3], '年出栏生猪、山羊，带动{bph}户贫困户户均增收{inc}元', LIVESTOCK),
  item('industry', '核桃园提质', '改造低产核桃园{q}亩', [100, 500, 0], null, [0.1, 0.2], [0.1, 0.35], [0.15, 0.5], '带动{bph}户贫困户户均增收{inc}元', FOREST),
  item('industry', '蚕桑基地', '新栽桑园{q}亩', [50, 300, 0], null, [0.2, 0.35], [0.05, 0.25], [0.1, 0.4], '带动{bph}户贫困户户均增收{inc}元', AGRI),
  item('industry', '光伏扶贫电站', '建设村级光伏电站{q}千瓦', [60, 300, 0], null, [0.75, 0.9], [0.05, 0.15], [0.3, 0.7], '电站收益惠及{bph}户贫困户，户均年增收{inc}元', DEVREF),
  item('tourism', '农家乐', '扶持改造农家乐{q}户', [3, 15, 0], null, [3, 8], [0.02, 0.08], [0.05, 0.2], '带动{bph}户贫困户通过乡村旅游增收', TOURISM),
  item('tourism', '旅游步道', '修建旅游步道{q}公里', [1, 6, 1], null, [15, 30], [0.2, 0.6], [0.1, 0.4], '打造乡村旅游线路，带动{bph}户贫困户增收', TOURISM),
  item('tourism', '特色民宿', '改造特色民宿{q}间', [10, 40, 0], null, [1, 2], [0.03, 0.1], [0.05, 0.2], '带动{bph}户贫困户户均增收{inc}元', TOURISM),
  item('tourism', '旅游厕所', '新建旅游厕所{q}座', [1, 3, 0], null, [8, 15], [0.3, 0.8], [0.1, 0.4], '完善旅游接待设施', TOURISM),
  item('tourism', '观光茶园', '建设观光茶园{q}亩', [50, 200, 0], null, [0.3, 0.6], [0.05, 0.2], [0.1, 0.35], '茶旅融合，带动{bph}户贫困户增收', TOURISM),
  item('employment', '扶贫车间', '建设扶贫车间{q}平方米', [200, 1000, 0], null, [0.05, 0.1], [0.03, 0.1], [0.1, 0.3], '吸纳{jobs}名贫困劳动力就近就业', LABOUR),
  item('employment', '技能培训', '开展实用技能培训{q}人次', [30, 200, 0], null, [0.05, 0.1], [0.1, 0.3], [0.2, 0.5], '培训后{jobs}名贫困劳动力实现就业', LABOUR),
  item('employment', '公益岗位', '开发护林、保洁等公益岗位{q}个', [5, 30, 0], null, [0.5, 0.8], [0.02, 0.08], [0.05, 0.2], '{jobs}名贫困劳动力在公益岗位就业', LABOUR),
  item('employment', '劳务输出', '组织贫困劳动力转移就业{q}人', [20, 100, 0], null, [0.05, 0.1], [0.05, 0.2], [0.15, 0.4], '帮助{jobs}名贫困劳动力稳定就业', LABOUR),
  item('employment', '电商服务站', '建设村级电商服务站{q}个', [1, 1, 0], null, [5, 10], [0.3, 0.7], [0.2, 0.5], '带动农特产品网上销售，新增就业{jobs}人', LABOUR),
  item('infrastructure', '产业路硬化', '硬化产业路{q}公里', [1, 8, 1], null, [30, 50], [0.3, 0.8], [0.3, 0.8], '改善{bh}户群众生产出行条件', TRANSPORT),
  item('infrastructure', '通组公路', '硬化通组公路{q}公里', [1, 6, 1], null, [35, 55], [0.2, 0.6], [0.2, 0.6], '解决{bh}户群众出行难', TRANSPORT),
  item('infrastructure', '安全饮水', '新建蓄水池{q}立方米并铺设供水管网', [50, 300, 0], null, [0.15, 0.3], [0.3, 0.9], [0.3, 0.9], '解决{bh}户群众饮水安全', WATER),
  item('infrastructure', '便民桥', '新建便民桥{q}座', [1, 2, 0], null, [20, 60], [0.1, 0.4], [0.1, 0.4], '方便{bh}户群众安全出行', TRANSPORT),
  item('infrastructure', '堰塘整治', '整治堰塘{q}口', [2, 10, 0], null, [3, 8], [0.1, 0.4], [0.1, 0.4], '新增和改善灌溉面积，惠及{bh}户', WATER),
  item('infrastructure', '农网改造', '改造低压线路{q}公里', [2, 10, 1], null, [8, 15], [0.4, 1], [0.4, 1], '保障{bh}户群众生产生活用电', DEVREF),
  item('relocation', '易地扶贫搬迁', '搬迁建档立卡贫困户{q}户{ppl}人', [1, 1, 0], 'poorHouseholds', [5, 7], [0.02, 0.06], [0.06, 0.2], '{bph}户搬迁户按期入住，搬得出、稳得住', POVERTY),
  item('relocation', '旧宅基地复垦', '拆除旧房复垦宅基地{q}亩', [5, 30, 0], null, [1, 1.6], [0.02, 0.06], [0.05, 0.15], '搬迁户旧房应拆尽拆，复垦后交由村集体经营', HOUSING),
  item('education', '教育资助', '资助建档立卡贫困学生{q}人', [10, 80, 0], null, [0.1, 0.3], [0.05, 0.12], [0.2, 0.45], '贫困家庭学生资助全覆盖，不因贫失学', EDUCATION),
  item('education', '雨露计划', '雨露计划补助职业教育学生{q}人', [3, 20, 0], null, [0.3, 0.5], [0.01, 0.04], [0.03, 0.12], '贫困家庭子女接受职业教育，一人就业全家脱贫', POVERTY),
  item('education', '村小改造', '改造村小校舍{q}平方米', [200, 800, 0], null, [0.08, 0.15], [0.1, 0.3], [0.1, 0.3], '改善办学条件，就近入学', EDUCATION),
  item('education', '村幼儿园', '改扩建村幼儿园{q}平方米', [200, 600, 0], null, [0.1, 0.15], [0.05, 0.2], [0.05, 0.2], '学前教育就近入园', EDUCATION),
  item('health', '村卫生室', '新建标准化村卫生室{q}平方米', [60, 120, 0], null, [0.15, 0.25], [0.6, 1], [0.6, 1], '村卫生室标准化建设达标，小病不出村', HEALTH),
  item('health', '家庭医生签约', '为贫困户提供家庭医生签约服务{q}户', [1, 1, 0], 'poorHouseholds', [0.02, 0.05], [0.1, 0.35], [0.7, 1], '贫困户家庭医生签约服务全覆盖', HEALTH),
  item('health', '补充医疗保险', '为建档立卡贫困人口购买补充医疗保险{q}人', [1, 1, 0], 'poorPeople', [0.02, 0.05], [0.1, 0.35], [0.8, 1], '贫困人口住院费用报销比例达到90%', HEALTH),
  item('finance', '互助资金', '向村互助资金协会注入资金{q}万元', [10, 50, 0], null, [1, 1], [0.05, 0.2], [0.2, 0.5], '满足{bph}户贫困户发展产业资金需求', POVERTY),
  item('finance', '扶贫小额信贷', '发放扶贫小额信贷{q}户', [1, 1, 0], 'poorHouseholds', [3, 5], [0.02, 0.1], [0.1, 0.35], '有贷款意愿的贫困户应贷尽贷', FINANCE),
  item('finance', '贷款贴息', '为贫困户产业贷款贴息{q}户', [1, 1, 0], 'poorHouseholds', [0.2, 0.4], [0.02, 0.1], [0.15, 0.4], '降低{bph}户贫困户融资成本', FINANCE),
  item('finance', '产业保险', '为贫困户特色产业投保{q}户', [1, 1, 0], 'poorHouseholds', [0.05, 0.1], [0.05, 0.2], [0.2, 0.5], '贫困户产业风险有保障', FINANCE),
  item('environment', '垃圾收集', '配置垃圾箱{q}个并建设垃圾收集点', [20, 100, 0], null, [0.1, 0.2], [0.7, 1], [0.7, 1], '生活垃圾集中收集、转运处理', HOUSING),
  item('environment', '改厕', '改造农户卫生厕所{q}户', [1, 1, 0], 'households', [0.15, 0.25], [0.1, 0.4], [0.1, 0.5], '卫生厕所普及率明显提高', HEALTH),
  item('environment', '污水处理', '铺设污水管网{q}米并新建小型污水处理设施', [500, 3000, 0], null, [0.02, 0.04], [0.2, 0.6], [0.2, 0.6], '生活污水有效处理，村容整洁', ENVIRONMENT),
  item('environment', '村庄绿化', '栽植绿化苗木{q}株', [500, 3000, 0], null, [0.005, 0.01], [0.5, 1], [0.5, 1], '村庄绿化覆盖率明显提高', FOREST),
  item('environment', '太阳能路灯', '安装太阳能路灯{q}盏', [20, 80, 0], null, [0.25, 0.4], [0.4, 1], [0.4, 1], '主要道路亮化，群众夜间出行方便', HOUSING),
  item('environment', '农房立面改造', '改造农房立面{q}户', [1, 1, 0], 'households', [0.5, 1], [0.05, 0.25], [0.05, 0.3], '村容村貌明显改善，达到美丽乡村标准', HOUSING),
  item('party', '党群服务中心', '新建党群服务中心{q}平方米', [150, 400, 0], null, [0.15, 0.25], [1, 1], [1, 1], '村级组织服务群众能力明显增强', null),
  item('party', '村级活动场所', '改造村级活动场所{q}平方米', [100, 300, 0], null, [0.1, 0.2], [1, 1], [1, 1], '村级组织阵地规范化建设达标', null),
  item('party', '文化广场', '新建村文化广场{q}平方米', [300, 1200, 0], null, [0.02, 0.04], [0.6, 1], [0.6, 1], '丰富群众文化生活', null),
  item('party', '党员创业示范', '扶持党员创业示范项目{q}个', [1, 3, 0], null, [5, 10], [0.02, 0.08], [0.05, 0.2], '党员带头致富，结对帮扶{bph}户贫困户', null),
];

/** Town-wide projects (no village): {town} is the town's name. */
export const TOWN_ITEMS: readonly Item[] = [
  item('relocation', '易地搬迁集中安置点配套', '配套建设安置点道路{q}公里及供水、排污设施', [1, 3, 1], null, [60, 90], [0.01, 0.03], [0.05, 0.12], '集中安置点配套设施与安置房同步交付', POVERTY),
  item('infrastructure', '集镇道路改造', '改造集镇道路{q}公里', [1, 4, 1], null, [50, 70], [0.1, 0.3], [0.1, 0.3], '改善集镇交通条件', TRANSPORT),
  item('environment', '集镇污水处理', '新建集镇污水处理站{q}座及配套管网', [1, 1, 0], null, [150, 280], [0.1, 0.3], [0.1, 0.3], '集镇生活污水集中处理', ENVIRONMENT),
  item('employment', '就业技能培训', '开展贫困劳动力技能培训{q}人次', [100, 400, 0], null, [0.05, 0.1], [0.03, 0.08], [0.1, 0.3], '培训后{jobs}名贫困劳动力实现就业', LABOUR),
  item('health', '卫生院改造', '改造乡镇卫生院业务用房{q}平方米', [300, 1200, 0], null, [0.15, 0.25], [0.5, 1], [0.5, 1], '乡镇卫生院标准化建设达标', HEALTH),
  item('party', '驻村工作队培训', '培训驻村工作队员和村干部{q}人次', [50, 200, 0], null, [0.03, 0.06], [1, 1], [1, 1], '驻村帮扶工作规范有序', POVERTY),
];
