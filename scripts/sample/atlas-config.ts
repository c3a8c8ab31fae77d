/** atlas.config.json of the sample, checked with the contract's own parser before it is written. */
import type { BBox } from 'geojson';
import { parseAtlasConfig } from '../../src/contract/config';
import { formatIssue } from '../../src/contract/issues';
import { categoryClassClashes } from '../../src/domain/category-colours';
import { CATEGORIES } from './catalogue';
import { POINT_DECIMALS, mainPartBbox, round } from './geometry';
import { COUNTY_CODE, COUNTY_NAME } from './sources';
import type { Area, Town } from './types';

/** The route of the May 2016 on-site meeting (现场会), then the whole county. */
const TOUR_MONTH = '2016-05';
/** A view the tour must fit: the smaller projector of the design (1024×768), with a margin. */
const VIEW_PX: [number, number] = [1024, 768];
const VIEW_MARGIN = 0.85;
/** MapLibre's tile size in pixels: zoom z shows 512 × 2^z pixels around the world. */
const TILE_PX = 512;
const TOWN_ZOOM: [number, number] = [10, 11.5];
const COUNTY_ZOOM: [number, number] = [8, 9.5];

/** One stop of the tour before its camera is computed. */
interface StopText {
  town: string | null;
  indicator: 'industry' | 'household' | 'employment' | 'beauty' | 'completion' | 'lag';
  /** A ranking stop is classed by quantile: early in the year fixed thresholds put every town in one class. */
  classification?: 'quantile';
  title: { zh: string; en: string };
  text: { zh: [string, string]; en: [string, string] };
}

/** The stops: what to look at, never figures stated as facts. */
const STOPS: readonly StopText[] = [
  {
    town: '蒋家堰镇', indicator: 'industry',
    title: { zh: '蒋家堰镇：村村有产业', en: 'Jiangjiayan: an industry in every village' },
    text: {
      zh: ['看产业覆盖：哪些村已有在建或完工的产业项目', '留意还没有产业项目开工的村'],
      en: ['Industry coverage: which villages have an industry project under way or done', 'Look for villages where none has started yet'],
    },
  },
  {
    town: '中峰镇', indicator: 'completion',
    title: { zh: '中峰镇：项目完工情况', en: 'Zhongfeng: projects completed' },
    text: {
      zh: ['看完工率：已完工和已验收的项目占多少', '点开一个村，核对项目的公示信息'],
      en: ['Completion: the share of projects done or accepted', "Open a village to check each project's public notice"],
    },
  },
  {
    town: '龙坝镇', indicator: 'lag',
    title: { zh: '龙坝镇：进度滞后', en: 'Longba: projects behind schedule' },
    text: {
      zh: ['看进度滞后：实际进度落后于计划进度超过阈值的项目', '对照开工和计划完工时间，找出滞后在哪里'],
      en: ['Lag: projects whose progress trails the linear plan by more than the threshold', 'Compare start and due dates to find where the delay lies'],
    },
  },
  {
    town: '城关镇', indicator: 'household',
    title: { zh: '城关镇：户户有项目', en: 'Chengguan: a project for every household' },
    text: {
      zh: ['看到户覆盖：有帮扶项目的建档立卡户占多少', '社区和村分开看，留意覆盖偏低的地方'],
      en: ['Household coverage: the share of registered poor households reached by a project', 'Compare communities and villages; note where coverage is low'],
    },
  },
  {
    town: '汇湾镇', indicator: 'employment',
    title: { zh: '汇湾镇：人人有事干', en: 'Huiwan: work for everyone' },
    text: {
      zh: ['看就业：贫困户劳动力中已就业的比例', '结合就业创业项目，看哪些村还缺岗位'],
      en: ['Employment: the share of laborers in poor households who have work', 'Read it with the employment projects: which villages still need jobs'],
    },
  },
  {
    town: '鄂坪乡', indicator: 'beauty',
    title: { zh: '鄂坪乡：处处都美丽', en: 'Eping: beautiful everywhere' },
    text: {
      zh: ['看美丽乡村：人居环境项目已完工的村占多少', '再切换到进度滞后，看哪些项目要赶进度'],
      en: ['Liveable villages: the share with an environment project done', 'Then switch to lag to see which projects must catch up'],
    },
  },
  {
    town: null, indicator: 'completion', classification: 'quantile',
    title: { zh: '全县：比学赶超', en: 'The county: compare and catch up' },
    text: {
      zh: ['全县对比：各乡镇完工率并排来看，按名次分档着色', '退出演示后拖动时间轴，看各乡镇此后几个月的变化'],
      en: ['County overview: completion town by town, coloured by rank', 'After the tour, move the timeline to see how each town changes'],
    },
  },
];

const GOALS = [
  { id: 'industry', zh: '村村有产业', en: 'Every village has an industry' },
  { id: 'household', zh: '户户有项目', en: 'Every household has a project' },
  { id: 'employment', zh: '人人有事干', en: 'Everyone has work' },
  { id: 'beauty', zh: '处处都美丽', en: 'Everywhere is beautiful' },
] as const;

/** Centre and zoom that fit a bounding box into the tour's view, within a zoom range. */
function fitCamera(b: BBox, range: [number, number]): { center: [number, number]; zoom: number; bearing: number; pitch: number } {
  const [w, s, e, n] = b;
  const lat = (s + n) / 2;
  const pxPerDegree = (z: number): number => (TILE_PX * 2 ** z) / 360;
  const zx = Math.log2((VIEW_PX[0] * VIEW_MARGIN) / ((e - w) * pxPerDegree(0)));
  const zy = Math.log2((VIEW_PX[1] * VIEW_MARGIN * Math.cos((lat * Math.PI) / 180)) / ((n - s) * pxPerDegree(0)));
  const zoom = Math.min(range[1], Math.max(range[0], Math.floor(Math.min(zx, zy) * 10) / 10));
  return { center: [round((w + e) / 2, POINT_DECIMALS), round(lat, POINT_DECIMALS)], zoom, bearing: 0, pitch: 0 };
}

/** The tour, with each camera framing its town's polygon (or the county). */
function tour(towns: readonly Town[], county: Area): unknown[] {
  return STOPS.map((stop) => {
    const town = stop.town === null ? null : towns.find((t) => t.name === stop.town);
    if (town === undefined) throw new Error(`tour: no town named ${stop.town}`);
    const camera = town ? fitCamera(mainPartBbox(town.area), TOWN_ZOOM) : fitCamera(mainPartBbox(county), COUNTY_ZOOM);
    return { town: town ? town.code : null, camera, indicator: stop.indicator, month: TOUR_MONTH, ...(stop.classification ? { classification: stop.classification } : {}), title: stop.title, text: stop.text };
  });
}

/** The whole config object, validated by parseAtlasConfig; throws with every issue when invalid. */
export function makeAtlasConfig(towns: readonly Town[], county: Area) {
  const config = {
    $comment: '示例数据 sample data: generated by scripts/make-sample.ts (npm run make-sample); names, codes, seats and the county outline are real, everything else is synthetic. See SOURCES.md.',
    schemaVersion: 1,
    title: { zh: '竹溪县“十个到村到户”工作图', en: 'Zhuxi County: Ten Kinds of Help to Every Village and Household' },
    region: { code: COUNTY_CODE, name: COUNTY_NAME, nameEn: 'Zhuxi County' },
    sample: true,
    crs: 'WGS84',
    dataDate: '2016-12-31',
    categories: CATEGORIES.map((c) => ({ id: c.id, zh: c.zh, en: c.en, colour: c.colour, goal: c.goal })),
    goals: GOALS,
    thresholds: { lagPoints: 15, exitIncidence: 0.02, minHouseholdCount: 3 },
    tour: tour(towns, county),
    basemap: { type: 'none' },
  };
  const parsed = parseAtlasConfig(JSON.parse(JSON.stringify(config)));
  if (!parsed.ok || parsed.issues.length > 0) throw new Error(`atlas.config.json is invalid:\n${parsed.issues.map(formatIssue).join('\n')}`);
  // A marker whose colour is a class colour reads as a class: the sample's categories keep clear of every ramp.
  const clashes = categoryClassClashes(config.categories.map((c) => c.colour));
  if (clashes.length > 0) throw new Error(`category colours too close to a class colour:\n${clashes.map((c) => `${c.colour} ~ ${c.classColour} (ΔE00 ${c.deltaE00.toFixed(1)})`).join('\n')}`);
  return config;
}
