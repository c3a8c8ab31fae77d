/** 数据质量（数据实）界面文字（中文）：the data-quality indicator and panel section; the reference quality-en.ts must match key for key. */
export const QUALITY_ZH = {
  // The indicator beside an area's name and the section of the area panel.
  qualityTitle: '数据质量',
  qualityScore: '质量分',
  qualityScoreValue: '{score} 分',
  qualityScoreOf: '数据质量 {score} 分（满分 100）',
  qualityHint: '质量分综合公示字段完整、按代码匹配、项目坐标和核查发现，分数低的地区颜色不宜全信。',
  qualityGood: '较好',
  qualityFair: '一般',
  qualityPoor: '较差',
  qualityParts: '质量分构成',
  qualityCompleteness: '公示字段完整',
  qualityByCode: '按代码匹配',
  qualityOwnPoint: '有项目坐标',
  qualityNoFindings: '无核查发现（按涉及资金）',
  qualityPartValue: '{part}：{value}',
  qualityLowBadge: '数据存疑',
  qualityLowBadgeHint: '该地区数据质量分低于 {n} 分，地图颜色仅供参考',

  // The findings (数据核查发现).
  findingsTitle: '数据核查发现',
  findingsIntro: '核查发现是数据中前后矛盾或不合常理的地方，不等于违规，需要到现场核实。',
  findingsCount: '{n} 条核查发现',
  findingsCountPublic: '{n} 条核查发现（公开版只显示数量）',
  findingsAmount: '涉及资金 {amount} 万元',
  findingsFilter: '按问题类型筛选',
  findingsAllRules: '全部类型',
  findingsRuleCount: '{rule}（{n} 条）',
  findingsAdvice: '核查建议',
  findingsMore: '另有 {n} 条',
  findingsShowAll: '查看全部 {n} 条',
  findingsMonth: '发生月份',
  findingsLedger: '台账数据',
  findingsProjects: '涉及项目 {n} 个',
  noFindings: '未发现问题',

  // The six precisions (六个精准), as far as the data can measure them; basisX names Precision.basis X.
  sixPrecisionsTitle: '六个精准',
  precisionsShow: '逐项查看',
  sixPrecisionsIntro: '按本数据能测算的程度：“实测”按数据统计，“估算”只检查是否合理，“无法测算”表示数据中没有相应信息。',
  basisMeasured: '实测',
  basisEstimated: '估算',
  basisNotMeasurable: '无法测算',
  precisionFlagged: '{n} 个村未达到',
  precisionNoValue: '—',

  // Links from a finding or a precision to the other views.
  showOnMap: '在地图上查看',
  showInTable: '在项目表中查看',
  showFlaggedOnMap: '在地图上标出这 {n} 个村',
} as const;

export type QualityKey = keyof typeof QUALITY_ZH;
export type QualityCatalogue = Readonly<Record<QualityKey, string>>;
