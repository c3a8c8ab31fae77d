/**
 * 六个精准 as far as this data can measure them (issue 9). Each precision says how it was found
 * (measured, estimated from plausibility, or not measurable here), a 0–1 share where there is
 * one, a sentence with the figures, and the villages that fail it so the map can point at them.
 * Pure: the caller builds PrecisionInput from the site data.
 */
import { formatShare } from './format';
import { FINDING_GROUPS, GROUP_LABELS, RULE_GROUP, type FindingGroup } from './finding-text';
import type { Finding } from './integrity-model';
import { PRECISION_IDS, type Precision, type PrecisionBasis, type PrecisionId } from '../contract/integrity';
import type { Lang, Localized } from '../i18n';

// A precision's ids and shape are the contract's (site.json holds them); exported here beside the measures.
export { PRECISION_IDS, type Precision, type PrecisionBasis, type PrecisionId };

/** One village's counts; a count is null when the build withholds it or the data lacks it. */
export interface PrecisionVillage {
  households: number | null;
  population: number | null;
  poorHouseholds: number | null;
  poorPopulation: number | null;
  exitedHouseholds: number | null;
  exitedPopulation: number | null;
  /** 出列 year, or null when the village has not exited. */
  exitYear: number | null;
  isPoorVillage: boolean | null;
  /** Poor households covered by no project (from households.csv); null when it was not given. */
  poorHouseholdsWithoutProject: number | null;
}

export interface PrecisionInput {
  villages: readonly PrecisionVillage[];
  findings: readonly Finding[];
  /** All the projects of the area, with or without findings. */
  projectCount: number;
  /** Poverty incidence (%) a village must be under to exit (thresholds of atlas.config.json). */
  exitLinePct: number;
  /** Share of the disclosure fields filled in, 0–1 (QualityParts.completeness). */
  completeness: number;
}

/**
 * The highest registered poverty incidence taken as plausible, %. Even the poorest villages of
 * the contiguous destitute areas registered well under half their people at 建档立卡 (2014);
 * above 60 % a count more likely mixes up households and people or the wrong population.
 */
export const MAX_PLAUSIBLE_INCIDENCE_PCT = 60;
/**
 * The lowest plausible incidence of a 贫困村, %: a village listed as poor with no one registered
 * poor contradicts itself. Other villages and urban 社区 may well register none.
 */
export const MIN_POOR_VILLAGE_INCIDENCE_PCT = 0;

const NAMES: Record<PrecisionId, Localized> = {
  identification: { zh: '识别准', en: 'Right people identified' },
  records: { zh: '档案准', en: 'Accurate records' },
  pairing: { zh: '结对准', en: 'Right helpers paired' },
  measures: { zh: '措施准', en: 'Help reaches households' },
  data: { zh: '数据准', en: 'Consistent data' },
  exit: { zh: '退出准', en: 'Genuine exits' },
};

/** The six precisions, in their customary order. */
export function sixPrecisions(input: PrecisionInput): Precision[] {
  return [identification(input), records(input), pairing(), measures(input), data(input), exit(input)];
}

type Part = Omit<Precision, 'id' | Lang>;
const make = (id: PrecisionId, part: Part): Precision => ({ id, ...NAMES[id], ...part });

/** Whether a village's registered poor are plausible; null when its counts are withheld. */
export function isIdentificationPlausible(v: PrecisionVillage): boolean | null {
  if (v.households === null || v.population === null || v.poorHouseholds === null || v.poorPopulation === null) return null;
  if (v.population <= 0 || v.households <= 0) return false;
  if (v.poorHouseholds > v.households || v.poorPopulation > v.population) return false;
  const incidencePct = (100 * v.poorPopulation) / v.population;
  if (incidencePct > MAX_PLAUSIBLE_INCIDENCE_PCT) return false;
  return v.isPoorVillage === true ? incidencePct > MIN_POOR_VILLAGE_INCIDENCE_PCT : true;
}

/** 识别准: registered poor within a plausible band of the population (plausibility, not verification). */
function identification({ villages }: PrecisionInput): Precision {
  const judged = villages.map(isIdentificationPlausible);
  const known = judged.filter((x) => x !== null).length;
  const flagged = indexesWhere(judged, (x) => x === false);
  const band = `0–${MAX_PLAUSIBLE_INCIDENCE_PCT}%`;
  const unknown = villages.length - known;
  const withheldZh = unknown ? `另有 ${unknown} 个村户数或人口未公开，未计入。` : '';
  const withheldEn = unknown ? ` ${unknown} villages with withheld counts are left out.` : '';
  if (known === 0) {
    const zh = unknown ? `${unknown} 个村的户数或人口未公开，无法检查建档立卡是否合理。` : '没有村级户数和人口，无法检查建档立卡是否合理。';
    const en = unknown ? `The counts of all ${unknown} villages are withheld, so the registration cannot be checked.` : 'No village counts of households and people to check the registration against.';
    return make('identification', { basis: 'estimated', value: null, flagged, detail: { zh, en } });
  }
  return make('identification', {
    basis: 'estimated',
    value: (known - flagged.length) / known,
    flagged,
    detail: {
      zh: `${known} 个村中 ${known - flagged.length} 个的建档立卡贫困发生率在合理范围（${band}）内、户数和人数不超过总数，${flagged.length} 个需要核实；这是合理性检查，不是逐户核实。${withheldZh}`,
      en: `In ${known - flagged.length} of ${known} villages the registered poverty incidence is plausible (${band}) and the poor are no more than the whole; ${flagged.length} need checking. This is a plausibility check, not a door-to-door verification.${withheldEn}`,
    },
  });
}

/** 档案准: how completely the project disclosures are filled in. */
function records({ completeness }: PrecisionInput): Precision {
  const share = formatShare(completeness);
  return make('records', {
    basis: 'measured',
    value: completeness,
    flagged: [],
    detail: {
      zh: `项目公示字段（建设内容、资金来源、责任单位、监督电话、绩效目标等）填写完整率 ${share}。`,
      en: `${share} of the project disclosure fields (content, fund source, responsible unit, hotline, target…) are filled in.`,
    },
  });
}

/** 结对准: this dataset has no pairing of cadres with households. */
function pairing(): Precision {
  return make('pairing', {
    basis: 'notMeasurable',
    value: null,
    flagged: [],
    detail: {
      zh: '本数据没有结对帮扶信息；需要每个贫困户的帮扶责任人（结对干部）名单，才能测算是否户户有人结对。',
      en: 'This dataset has no pairing data (which cadre helps which household); a list of the cadre paired with each poor household is needed to tell whether every household has one.',
    },
  });
}

/** 措施准: poor households with at least one project, from households.csv. */
function measures({ villages }: PrecisionInput): Precision {
  const known = villages.map((v, i) => ({ v, i })).filter(({ v }) => v.poorHouseholdsWithoutProject !== null && v.poorHouseholds !== null);
  if (known.length === 0) {
    return make('measures', {
      basis: 'notMeasurable',
      value: null,
      flagged: [],
      detail: { zh: '没有入户数据（households.csv），无法按户统计贫困户是否都有项目。', en: 'Without the household data (households.csv) there is no telling whether every poor household has a project.' },
    });
  }
  const poor = sum(known.map(({ v }) => v.poorHouseholds!));
  const uncovered = sum(known.map(({ v }) => Math.min(v.poorHouseholdsWithoutProject!, v.poorHouseholds!)));
  const flagged = known.filter(({ v }) => v.poorHouseholdsWithoutProject! > 0).map(({ i }) => i);
  const value = poor > 0 ? (poor - uncovered) / poor : null;
  const partZh = known.length < villages.length ? `（有入户数据的 ${known.length} 个村）` : '';
  const partEn = known.length < villages.length ? ` (the ${known.length} villages with household data)` : '';
  return make('measures', {
    basis: 'measured',
    value,
    flagged,
    detail:
      value === null
        ? { zh: `入户数据中没有贫困户${partZh}。`, en: `The household data lists no poor households${partEn}.` }
        : {
            zh: `${poor} 户贫困户中 ${poor - uncovered} 户至少有一个项目，占 ${formatShare(value)}${partZh}；${flagged.length} 个村还有贫困户没有项目。`,
            en: `${poor - uncovered} of ${poor} poor households have at least one project, ${formatShare(value)}${partEn}; ${flagged.length} villages still have poor households without one.`,
          },
  });
}

/** 数据准: projects and villages with no finding; the findings counted by family of rule. */
function data({ villages, findings, projectCount }: PrecisionInput): Precision {
  const projects = new Set(findings.flatMap((f) => f.projects));
  const villageRows = new Set(findings.filter((f) => f.projects.length === 0 && f.village >= 0).map((f) => f.village));
  const flagged = [...new Set(findings.filter((f) => f.village >= 0).map((f) => f.village))].sort((a, b) => a - b);
  const rows = projectCount + villages.length;
  const clean = Math.max(0, rows - projects.size - villageRows.size);
  const byGroup = new Map<FindingGroup, number>();
  for (const f of findings) byGroup.set(RULE_GROUP[f.rule], (byGroup.get(RULE_GROUP[f.rule]) ?? 0) + 1);
  const groups = FINDING_GROUPS.filter((g) => byGroup.has(g));
  const countsZh = groups.map((g) => `${GROUP_LABELS[g].zh} ${byGroup.get(g)} 条`).join('、');
  const countsEn = groups.map((g) => `${GROUP_LABELS[g].en} ${byGroup.get(g)}`).join(', ');
  const findingsZh = findings.length ? `共 ${findings.length} 条核查发现：${countsZh}。` : '没有核查发现。';
  const findingsEn = findings.length ? `${findings.length} findings: ${countsEn}.` : 'No findings.';
  if (rows === 0) return make('data', { basis: 'measured', value: null, flagged, detail: { zh: `没有项目和村的数据。${findingsZh}`, en: `No projects or villages.${findingsEn}` } });
  return make('data', {
    basis: 'measured',
    value: clean / rows,
    flagged,
    detail: {
      zh: `${rows} 个项目和村中 ${clean} 个没有核查发现；${findingsZh}`,
      en: `${clean} of ${rows} projects and villages have no finding. ${findingsEn}`,
    },
  });
}

/** Poverty incidence left after exits, %, or null when the counts are missing. */
function remainingIncidencePct(v: PrecisionVillage): number | null {
  if (v.population === null || v.population <= 0 || v.poorPopulation === null || v.exitedPopulation === null) return null;
  return (100 * Math.max(0, v.poorPopulation - v.exitedPopulation)) / v.population;
}

/** 退出准: exited villages whose remaining incidence is under the exit line (as integrityFindings' exitedAboveLine). */
function exit({ villages, exitLinePct }: PrecisionInput): Precision {
  const exited = villages.map((v, i) => ({ i, incidence: v.exitYear === null ? undefined : remainingIncidencePct(v) })).filter((x) => x.incidence !== undefined);
  const line = `${exitLinePct}%`;
  if (exited.length === 0) return make('exit', { basis: 'measured', value: null, flagged: [], detail: { zh: '尚无村出列。', en: 'No village has exited yet.' } });
  const known = exited.filter((x) => x.incidence !== null);
  const flagged = known.filter((x) => x.incidence! >= exitLinePct).map((x) => x.i);
  const unknown = exited.length - known.length;
  const unknownZh = unknown ? `另有 ${unknown} 个已出列村缺少人口或脱贫人数，未计入。` : '';
  const unknownEn = unknown ? ` ${unknown} exited villages lack population or exit counts and are left out.` : '';
  if (known.length === 0) return make('exit', { basis: 'measured', value: null, flagged, detail: { zh: `已出列的村都缺少人口或脱贫人数，无法核对出列线。${unknownZh}`, en: `The exited villages all lack population or exit counts, so the exit line cannot be checked.${unknownEn}` } });
  return make('exit', {
    basis: 'measured',
    value: (known.length - flagged.length) / known.length,
    flagged,
    detail: {
      zh: `已出列的 ${known.length} 个村中 ${known.length - flagged.length} 个贫困发生率低于 ${line} 的出列线，${flagged.length} 个未达标。${unknownZh}`,
      en: `${known.length - flagged.length} of ${known.length} exited villages are under the exit line of ${line}; ${flagged.length} are not.${unknownEn}`,
    },
  });
}

function indexesWhere<T>(xs: readonly T[], test: (x: T) => boolean): number[] {
  return xs.flatMap((x, i) => (test(x) ? [i] : []));
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
