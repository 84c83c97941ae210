/**
 * A synthetic catalog for the benchmark (bench/catalog.bench.ts): titles and 300–500-character
 * bodies drawn from a Zipf distribution over ~3,000 words (jieba's most frequent dictionary words with
 * government terms among the top ranks), so common words (扶贫) are in many items and rare ones in
 * few. A marker word (滩羊) is planted in one item in 10,000 for the rare-word query. Deterministic
 * (seeded PRNG). Rows come out as the importer's raw input (as `rowToRawInput` gives them).
 */
import { dict } from '@node-rs/jieba/dict.js';
import { prng } from '../test/helpers/prng.ts';

/** The planted rare word. */
export const RARE_WORD = '滩羊';

/** Government terms placed among the most frequent ranks. */
const GOVERNMENT_TERMS = [
  '政府信息公开', '扶贫', '乡村振兴', '补助资金', '财政预算', '决算', '政务服务', '行政许可', '社会救助', '脱贫攻坚',
  '高标准农田', '农业综合开发', '土地治理', '招标公告', '政府采购', '规范性文件', '实施方案', '工作要点', '专项资金', '项目建设',
  '生态环境', '监督检查', '安全生产', '应急预案', '公共服务', '教育', '医疗', '社会保障', '促进就业', '城乡居民',
  '养老保险', '医疗保障', '住房保障', '棚户区改造', '农村道路', '饮水安全', '易地搬迁', '产业发展', '小流域综合治理', '水土保持',
];

/** The vocabulary by rank: government terms spread over ranks 5–85 among jieba's top Han words. */
function vocabulary(size: number): string[] {
  const common = Buffer.from(dict)
    .toString('utf8')
    .split('\n')
    .map((line) => line.split(' '))
    .filter((parts) => parts.length >= 2 && /^\p{Script=Han}{2,4}$/u.test(parts[0] ?? ''))
    .map((parts) => ({ word: parts[0] ?? '', freq: Number(parts[1]) }))
    .sort((a, b) => b.freq - a.freq)
    .map((e) => e.word)
    .filter((w) => !GOVERNMENT_TERMS.includes(w) && w !== RARE_WORD)
    .slice(0, size);
  GOVERNMENT_TERMS.forEach((term, i) => common.splice(5 + i * 2, 0, term));
  return common;
}

/** Draws ranks from Zipf(s = 1) over `n` ranks by inverse CDF (binary search over the cumulative weights). */
function zipfSampler(n: number, random: () => number): () => number {
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k += 1) {
    sum += 1 / (k + 1);
    cumulative[k] = sum;
  }
  return () => {
    const target = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** One organization the corpus spreads items over. */
export interface CorpusOrganization {
  id: number;
  name: string;
  shortName: string;
  organizationCode: string;
}

const TITLE_ENDINGS = ['的通知', '的公告', '的公示', '实施方案', '工作情况报告', '的意见', '管理办法', '政策解读'];
const SUBJECTS = ['art20-01', 'art20-03', 'art20-05', 'art20-07', 'art20-09', 'art20-10', 'art20-11', 'art20-13', 'art21-city-02', 'art21-city-07', 'art21-town-01'];
const GENRES = ['notice', 'announcement', 'normative_document', 'other_document', 'plan', 'work_report', 'statistics', 'interpretation'];

/** `YYYY-MM-DD` of `day` days after 2015-01-01. */
function dateOf(day: number): string {
  return new Date(Date.UTC(2015, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
}

/** A generator of raw import rows. */
export class CatalogCorpus {
  private readonly random: () => number;
  private readonly word: () => string;
  private readonly serials = new Map<string, number>();
  private n = 0;

  /** @param seed the PRNG seed @param vocabularySize words in the Zipf vocabulary */
  constructor(seed = 2026, vocabularySize = 3000) {
    this.random = prng(seed);
    const words = vocabulary(vocabularySize);
    const rank = zipfSampler(words.length, this.random);
    this.word = () => words[rank()] ?? '政府';
  }

  private body(): string {
    const target = 300 + Math.floor(this.random() * 200);
    let text = '';
    while (text.length < target) {
      const count = 6 + Math.floor(this.random() * 8);
      const sentence: string[] = [];
      for (let i = 0; i < count; i += 1) sentence.push(this.word());
      text += `${sentence.join('')}${this.random() < 0.7 ? '，' : '。'}`;
    }
    return `${text.slice(0, target - 1)}。`;
  }

  /**
   * The next raw row for `organization`: published (with index number and dates up to 2026-11-30)
   * except every tenth, which is a draft.
   */
  next(organization: CorpusOrganization): Record<string, string> {
    this.n += 1;
    const creationDay = Math.floor(this.random() * 4300);
    const creationDate = dateOf(creationDay);
    const publicationDate = dateOf(Math.min(creationDay + Math.floor(this.random() * 25), 4350));
    const year = creationDate.slice(0, 4);
    const key = `${organization.organizationCode}/${year}`;
    const serial = (this.serials.get(key) ?? 0) + 1;
    this.serials.set(key, serial);
    const title = `${organization.shortName}关于${this.word()}${this.word()}${this.word()}${TITLE_ENDINGS[Math.floor(this.random() * TITLE_ENDINGS.length)] ?? '的通知'}`;
    const body = this.n % 10_000 === 5_001 ? `${this.body()}${RARE_WORD}产业发展情况。` : this.body();
    const published = this.n % 10 !== 0;
    return {
      ...(published ? { indexNumber: `${key}-${String(serial).padStart(6, '0')}`, publicationDate } : {}),
      title,
      ...(this.random() < 0.3 ? { documentNumber: `${organization.shortName.slice(0, 2)}政办发〔${year}〕${1 + Math.floor(this.random() * 200)}号` } : {}),
      issuingAgency: organization.name,
      creationDate,
      subjectCategory: SUBJECTS[Math.floor(this.random() * SUBJECTS.length)] ?? 'art20-01',
      genre: GENRES[Math.floor(this.random() * GENRES.length)] ?? 'notice',
      keywords: `${this.word()}，${this.word()}`,
      bodyHtml: body,
    };
  }
}
