import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chineseNumber, citationZh } from './citation.ts';

describe('citations in Chinese', () => {
  it('writes numbers in Chinese numerals', () => {
    assert.deepEqual([1, 10, 11, 20, 33, 36, 99].map(chineseNumber), ['一', '十', '十一', '二十', '三十三', '三十六', '九十九']);
  });

  it('turns the rules’ compact sources into Chinese citations and drops English glosses', () => {
    assert.equal(citationZh('2019 art. 31 (一); 2019 art. 33 ¶2'), '2019年《条例》第三十一条第（一）项；2019年《条例》第三十三条第二款');
    assert.equal(citationZh('2019 art. 33 ¶3 (third-party and inter-agency consultation); 2019 art. 32 (third party), art. 34 (other agencies; silence = consent)'), '2019年《条例》第三十三条第三款；2019年《条例》第三十二条，第三十四条');
    assert.equal(citationZh('2008 art. 24 ¶2'), '2008年《条例》第二十四条第二款');
    assert.equal(citationZh('国办函〔2020〕109号'), '国办函〔2020〕109号');
    assert.equal(citationZh('RULES.md §1.2 (UNVERIFIED)'), '规则说明');
  });
});
