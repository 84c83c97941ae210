import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSnippet } from './snippet.ts';
import { documentNumberPattern, highlightWords, parseSearchTerms } from './search-query.ts';
import { fts5MatchText } from './search-sql.ts';
import { cutWords, searchTokens, segmentForIndex, segmentQuery, userDictionaryLines } from './segmenter.ts';

void describe('segmenter', () => {
  void it('finds the two-character word 扶贫 inside a notice title', () => {
    assert.equal(segmentForIndex('关于做好扶贫资金公开工作的通知'), '关于 做好 扶贫 资金 公开 工作 的 通知');
    assert.deepEqual(segmentQuery('扶贫'), [['扶贫']]);
  });

  void it('keeps 乡村振兴 whole (user dictionary) and indexes its parts after it', () => {
    assert.deepEqual(cutWords('全面推进乡村振兴战略'), ['全面', '推进', '乡村振兴', '战略']);
    assert.equal(segmentForIndex('全面推进乡村振兴战略'), '全面 推进 乡村振兴 乡村 振兴 战略');
    assert.deepEqual(segmentQuery('乡村振兴'), [['乡村振兴']]);
    assert.deepEqual(segmentQuery('振兴'), [['振兴']]);
  });

  void it('lines a phrase up when it starts inside a compound word', () => {
    // 精准扶贫 is one word; its parts follow it, so 扶贫 资金 stays adjacent.
    assert.equal(segmentForIndex('精准扶贫资金'), '精准扶贫 精准 扶贫 资金');
    assert.deepEqual(segmentQuery('扶贫资金'), [['扶贫', '资金']]);
    // A multi-word term keeps the sub-words of all but its last word, as the index has them.
    assert.deepEqual(segmentQuery('政府信息公开工作'), [['政府信息公开', '政府', '信息', '公开', '工作']]);
    assert.equal(segmentForIndex('政府信息公开工作'), '政府信息公开 政府 信息 公开 工作');
    // Parts of any length, in pre-order (cutForSearch would leave out the five-character 人民共和国).
    assert.equal(segmentForIndex('中华人民共和国'), '中华人民共和国 中华人民 中华 华人 人民共和国 人民 共和国 共和');
  });

  void it('keeps bracket-free tokens of a document number', () => {
    assert.equal(segmentForIndex('吴政办发〔2017〕19号'), '吴 政办发 办发 2017 19 号');
    assert.deepEqual(segmentQuery('〔2017〕19号'), [['2017', '19', '号']]);
    assert.deepEqual(segmentQuery('吴政办发[2017]19号'), [['吴', '政办发', '办发', '2017', '19', '号']]);
  });

  void it('lower-cases Latin, folds full-width forms and diacritics, drops punctuation', () => {
    assert.equal(segmentForIndex('COVID-19，Ａｂｃ１２３ café!'), 'covid 19 abc123 cafe');
    assert.deepEqual(segmentQuery('  Platform\u3000数据 '), [['platform'], ['数据']]);
  });

  void it('reduces FTS syntax to plain words and drops terms with none', () => {
    assert.deepEqual(segmentQuery('"扶贫"* NEAR( AND OR -x'), [['扶贫'], ['near'], ['and'], ['or'], ['x']]);
    assert.deepEqual(segmentQuery('" * ( ) ^ :'), []);
    assert.deepEqual(segmentQuery('gkfieldsep'), [], 'the PostgreSQL field separator never comes from a query');
    assert.equal(fts5MatchText([['乡村振兴'], ['2017', '19', '号']]), '"乡村振兴" AND "2017 19 号"');
  });

  void it('caps the number of tokens', () => {
    assert.deepEqual(searchTokens('关于做好扶贫资金公开工作的通知', 3), ['关于', '做好', '扶贫']);
  });

  void it('ships a user dictionary of 80–150 government terms in jieba format', () => {
    const lines = userDictionaryLines();
    assert.ok(lines.length >= 80 && lines.length <= 150, `${lines.length} terms`);
    for (const line of lines) assert.match(line, /^\p{Script=Han}+ \d+ [a-z]+$/u, line);
    for (const term of ['乡村振兴', '政府信息公开', '依申请公开', '双随机一公开', '三公经费', '高标准农田']) {
      assert.ok(lines.some((l) => l.startsWith(`${term} `)), term);
    }
  });
});

void describe('search terms', () => {
  void it('turns a 文号 into a LIKE pattern that accepts any bracket', () => {
    assert.equal(documentNumberPattern('吴政办发〔2017〕19号'), '%吴政办发_2017_19号%');
    assert.equal(documentNumberPattern('吴政办发［2017］19号'), '%吴政办发_2017_19号%');
    assert.equal(documentNumberPattern('50%_号'), '%50\\%\\_号%');
    assert.equal(documentNumberPattern('扶贫'), null);
    assert.equal(documentNumberPattern('号'), null);
  });

  void it('parses terms and the words to highlight', () => {
    const terms = parseSearchTerms('扶贫资金  〔2017〕19号 "');
    assert.deepEqual(
      terms.map((t) => [t.text, t.phrase, t.documentNumberPattern]),
      [
        ['扶贫资金', ['扶贫', '资金'], null],
        ['〔2017〕19号', ['2017', '19', '号'], '%_2017_19号%'],
      ],
    );
    assert.deepEqual(highlightWords(terms), ['扶贫资金', '扶贫', '资金', '〔2017〕19号', '2017', '19']);
  });
});

void describe('snippet', () => {
  void it('escapes everything but its own <mark> tags', () => {
    const snippet = buildSnippet(['请勿提交<script>alert("x")</script>代码，扶贫咨询请拨打热线。'], ['扶贫']);
    assert.equal(snippet, '请勿提交&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;代码，<mark>扶贫</mark>咨询请拨打热线。');
  });

  void it('marks case-insensitively, longest word first, and cuts a window with ellipses', () => {
    const text = `${'甲'.repeat(100)}乡村振兴和乡村建设的Platform${'乙'.repeat(100)}`;
    const snippet = buildSnippet([text], ['乡村', '乡村振兴', 'platform'], 40);
    assert.equal(snippet, `…${'甲'.repeat(30)}<mark>乡村振兴</mark>和<mark>乡村</mark>建设的…`);
    assert.equal(buildSnippet(['Data PLATFORM'], ['platform']), 'Data <mark>PLATFORM</mark>');
  });

  void it('falls back to the summary, then to the start of the text', () => {
    assert.equal(buildSnippet(['正文没有关键词', '概述提到扶贫'], ['扶贫']), '概述提到<mark>扶贫</mark>');
    assert.equal(buildSnippet(['正文<b>没有</b>', '概述也没有'], ['扶贫']), '正文&lt;b&gt;没有&lt;/b&gt;');
    assert.equal(buildSnippet([null, ''], ['扶贫']), '');
  });

  void it('takes regular-expression characters in words literally', () => {
    assert.equal(buildSnippet(['做好COVID-19防控，(a+b)*c'], ['COVID-19', '(a+b)*', '\\']), '做好<mark>COVID-19</mark>防控，<mark>(a+b)*</mark>c');
  });

  void it('never splits a surrogate pair at the window edge', () => {
    const snippet = buildSnippet([`${'𠀀'.repeat(10)}`], [], 5);
    assert.equal(snippet, '𠀀𠀀…');
  });
});
