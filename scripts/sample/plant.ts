/**
 * Planted data problems (示例数据中有意设置的问题): a handful of rows of the generated sample are
 * changed after generation so that each 数据实 rule (src/domain/integrity.ts) has one case to show,
 * at a known place, spread over several towns. Everything else in the sample is clean: the
 * generated data trips no rule, and test/unit/pipeline/integrity-sample.test.ts checks that the
 * rules find exactly these cases and nothing else.
 *
 * Each plant changes as few cells as it can, so the sample's other figures barely move: one cell
 * or one progress row for most, five rows for the copied report, and for the frozen town its
 * February and March rows of the projects under way or begun since (87 rows). Each checks that
 * the cells it changes still hold what it expects and throws otherwise: a new seed or generator
 * change that moves them must be met by choosing new places here, and the test then checks that
 * the rules find them and nothing else.
 *
 * The places avoid each other's rules: no plant is in the month before the tour's inspection
 * month (2016-04) except the jump planted there, and the frozen town is a lagging one (天宝乡),
 * whose April catch-up stays within its usual pace.
 *
 * Not planted: exitedAboveRegistered (more exited households than registered). The build rejects
 * such a villages.csv row as an error (src/pipeline/read/records.ts), so a buildable sample cannot carry
 * it; the rule stays for data read another way.
 *
 * The list PLANTED is the one source of the places: make-sample writes it into data/README.md
 * (between the planted markers), and the test reads it.
 */
import type { FindingRule } from '../../src/domain/integrity-model';
import type { Project, ProgressRow, Village } from './types';

/** One planted problem: where the rules should find it. */
export interface PlantedProblem {
  rule: FindingRule;
  /** The town's name. */
  town: string;
  /**
   * The project ids the finding names, in id order; empty for a village's finding, and for a
   * frozen town (the finding names every project of the town building in the frozen months).
   */
  projects: readonly string[];
  /** The village code for a village's finding, else null. */
  village: string | null;
  /** The month the finding names (YYYY-MM), or null for a ledger fact. */
  month: string | null;
  /** What was changed, in Chinese and English. */
  zh: string;
  en: string;
}

/** The generated sample, changed in place by the plants. */
export interface SampleRows {
  villages: Village[];
  projects: Project[];
  progress: ProgressRow[];
}

interface Plant extends PlantedProblem {
  apply(s: Rows): void;
}

/** Money in hundredths of 万元. */
const wan = (x: number): number => Math.round(x * 100);

/** The copied report of 水坪镇 in 2016-08: five projects at the very same figures. */
const COPIED = { pct: 35, spentCents: wan(12) };
/** 天宝乡, a lagging town, repeats its January report (under way: 22 projects) in February and March, over the Spring Festival. */
const FROZEN = { town: '天宝乡', townCode: '420324205', from: '2016-01', months: ['2016-02', '2016-03'] };

const PLANTS: readonly Plant[] = [
  {
    rule: 'progressBackward', town: '城关镇', projects: ['ZX2016-0002'], village: null, month: '2016-09',
    zh: '9月形象进度 74% 误录为 47%（8月为 58%）', en: "September's 74% typed as 47% (August: 58%)",
    apply: (s) => s.set('ZX2016-0002', '2016-09', { pct: [74, 47] }),
  },
  {
    rule: 'progressJump', town: '县河镇', projects: ['ZX2016-1029'], village: null, month: '2016-11',
    zh: '10月进度未更新（仍为 26%），11月直接报已完工 100%', en: "October's progress not updated (still 26%), then done at 100% in November",
    apply: (s) => s.set('ZX2016-1029', '2016-10', { pct: [72, 26] }),
  },
  {
    rule: 'overspent', town: '鄂坪乡', projects: ['ZX2016-2221'], village: null, month: '2016-12',
    zh: '12月已拨付 39.32 万元，超过资金规模 37.32 万元', en: 'December: 39.32 万元 paid of a 37.32 万元 budget',
    apply: (s) => s.set('ZX2016-2221', '2016-12', { spentCents: [wan(33), wan(39.32)] }),
  },
  {
    rule: 'doneUnspent', town: '中峰镇', projects: ['ZX2016-0565'], village: null, month: '2016-01',
    zh: '1月报已完工，已拨付填 0', en: 'reported done in January with 0 paid',
    apply: (s) => s.set('ZX2016-0565', '2016-01', { status: ['done', 'done'], spentCents: [wan(3.23), 0] }),
  },
  {
    rule: 'spentPlanned', town: '桃源乡', projects: ['ZX2016-2622'], village: null, month: '2016-06',
    zh: '6月状态仍为未开工，已拨付 3.18 万元（7月的数）', en: "June: still planned, 3.18 万元 paid (July's figure)",
    apply: (s) => s.set('ZX2016-2622', '2016-06', { status: ['planned', 'planned'], spentCents: [0, wan(3.18)] }),
  },
  {
    rule: 'doneBeforeStart', town: '龙坝镇', projects: ['ZX2016-1613'], village: null, month: '2016-10',
    zh: '开工时间 2016-07-07 误录为 2016-11-07，而10月已完工', en: 'start 2016-07-07 typed as 2016-11-07; done in October',
    apply: (s) => s.setProject('ZX2016-1613', { start: ['2016-07-07', '2016-11-07'] }),
  },
  {
    rule: 'reportedAfterAccepted', town: '新洲镇', projects: ['ZX2016-2063'], village: null, month: '2016-09',
    zh: '8月已验收（已拨付 90.73 万元），9月已拨付又改为 95.51 万元', en: 'accepted in August at 90.73 万元 paid; September reports 95.51 万元',
    apply: (s) => s.set('ZX2016-2063', '2016-09', { status: ['accepted', 'accepted'], spentCents: [wan(90.73), wan(95.51)] }),
  },
  {
    rule: 'exitedAboveLine', town: '汇湾镇', projects: [], village: '420324109206', month: null,
    zh: '青山村委会标为 2016年出列，贫困发生率仍为 5.58%', en: '青山村委会 marked exited in 2016 with 5.58% still poor',
    apply: (s) => s.setVillage('420324109206', { exitYear: [null, 2016] }),
  },
  {
    rule: 'beneficiariesAboveHouseholds', town: '兵营镇', projects: ['ZX2016-1762'], village: null, month: null,
    zh: '受益户数填成了全村人口 438（全村 152 户）', en: "beneficiary households given as the village's population, 438 (of 152 households)",
    apply: (s) => s.setProject('ZX2016-1762', { beneficiaryHouseholds: [36, 438] }),
  },
  {
    rule: 'identicalReports', town: '水坪镇', projects: ['ZX2016-0678', 'ZX2016-0688', 'ZX2016-0705', 'ZX2016-0710', 'ZX2016-0736'], village: null, month: '2016-08',
    zh: '5个项目8月报同样的进度 35%、已拨付 12.00 万元', en: 'five projects report the same 35% and 12.00 万元 in August',
    apply: (s) => {
      const natural: Record<string, [number, number]> = { 'ZX2016-0678': [36, 12.69], 'ZX2016-0688': [31, 16.56], 'ZX2016-0705': [35, 13.68], 'ZX2016-0710': [38, 12.79], 'ZX2016-0736': [38, 11.71] };
      for (const [id, [pct, spent]] of Object.entries(natural)) s.set(id, '2016-08', { pct: [pct, COPIED.pct], spentCents: [wan(spent), COPIED.spentCents] });
    },
  },
  {
    rule: 'frozenTown', town: FROZEN.town, projects: [], village: null, month: '2016-03',
    zh: '2、3月通报照抄 1月（春节前后）：在建项目三个月数字不变，新开工的仍报未开工', en: "February's and March's reports repeat January's (the Spring Festival): three months of the same figures, and the projects begun since still shown as planned",
    apply: (s) => s.freeze(FROZEN.townCode, FROZEN.from, FROZEN.months),
  },
  {
    rule: 'preInspectionJump', town: '泉溪镇', projects: ['ZX2016-1281'], village: null, month: '2016-04',
    zh: '5月督查前，4月进度从 4% 报到 58%（提前报了 5月的数）', en: "before the May inspection, April's progress jumps from 4% to 58% (May's figure, reported early)",
    apply: (s) => s.set('ZX2016-1281', '2016-04', { pct: [30, 58] }),
  },
];

/** Where the rules should find the planted problems, in the order above. */
export const PLANTED: readonly PlantedProblem[] = PLANTS.map(({ apply: _, ...p }) => p);

/** Changes the sample's rows in place: every planted problem. Deterministic; throws when a row is not as expected. */
export function plantProblems(sample: SampleRows): void {
  const s = new Rows(sample);
  for (const p of PLANTS) p.apply(s);
}

/** [expected, new] for each field a plant changes. */
type Change<T> = { [K in keyof T]?: [T[K], T[K]] };

/** The sample's rows, found by project and month. */
class Rows {
  private readonly rows = new Map<string, ProgressRow>();

  constructor(private readonly s: SampleRows) {
    for (const r of s.progress) this.rows.set(`${r.projectId}|${r.month}`, r);
  }

  row(id: string, month: string): ProgressRow {
    const r = this.rows.get(`${id}|${month}`);
    if (!r) throw new Error(`plant: ${id} has no row for ${month}`);
    return r;
  }

  set(id: string, month: string, change: Change<ProgressRow>): void {
    apply(this.row(id, month), change, `${id} ${month}`);
  }

  setProject(id: string, change: Change<Project>): void {
    const p = this.s.projects.find((x) => x.id === id);
    if (!p) throw new Error(`plant: no project ${id}`);
    apply(p, change, id);
  }

  setVillage(code: string, change: Change<Village>): void {
    const v = this.s.villages.find((x) => x.code === code);
    if (!v) throw new Error(`plant: no village ${code}`);
    apply(v, change, code);
  }

  /**
   * A town's report for `months` repeats its report for `from` wherever it shows work under way:
   * a project building in `from` keeps its `from` figures, and one that began later is still
   * reported as planned, with nothing paid. Rows of projects not building either way (planned,
   * done, accepted) are left as they are: the rule reads only the projects under way.
   */
  freeze(townCode: string, from: string, months: readonly string[]): void {
    const own = this.s.projects.filter((p) => p.townCode === townCode).map((p) => p.id);
    if (!own.some((id) => this.rows.get(`${id}|${from}`)?.status === 'building')) throw new Error(`plant: town ${townCode} has nothing building in ${from}`);
    for (const id of own) {
      const first = this.rows.get(`${id}|${from}`);
      for (const m of months) {
        const r = this.rows.get(`${id}|${m}`);
        if (!r) continue;
        if (first?.status === 'building') Object.assign(r, { status: first.status, pct: first.pct, spentCents: first.spentCents });
        else if (r.status === 'building') Object.assign(r, { status: 'planned', pct: 0, spentCents: 0 });
      }
    }
  }
}

function apply<T extends object>(target: T, change: Change<T>, where: string): void {
  for (const key of Object.keys(change) as (keyof T)[]) {
    const [expected, value] = change[key]!;
    if (target[key] !== expected) throw new Error(`plant: ${where} ${String(key)} is ${String(target[key])}, expected ${String(expected)}`);
    target[key] = value;
  }
}

/** The README block that lists the planted problems (between `<!-- planted:start -->` and `<!-- planted:end -->`). */
export const PLANTED_BLOCK = 'planted';

/** The table of planted problems for data/README.md. */
export function renderPlantedTable(planted: readonly PlantedProblem[] = PLANTED): string {
  const head = ['| 规则 rule | 乡镇 town | 项目或村 project or village | 月份 month | 设置了什么 · what was planted |', '| --- | --- | --- | --- | --- |'];
  const lines = planted.map((p) => {
    const where = p.village ?? (p.projects.length > 0 ? p.projects.join(', ') : '全部在建项目 every project under way');
    return `| \`${p.rule}\` | ${p.town} | ${where} | ${p.month ?? '—'} | ${p.zh} · ${p.en} |`;
  });
  return [...head, ...lines].join('\n');
}
