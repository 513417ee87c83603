import { describe, expect, it } from "vitest";
import { plainTextToHtml, sanitizeArticleHtml } from "./sanitize.js";

describe("sanitizeArticleHtml", () => {
  it.each([
    ["script with content", "<p>Trước</p><script>alert(1)</script><p>Sau</p>", "<p>Trước</p><p>Sau</p>"],
    ["script in a paragraph", "<p>a<script>document.cookie</script>b</p>", "<p>ab</p>"],
    ["img onerror", "<img src=x onerror=alert(1)>", ""],
    [
      "img onerror with a media source",
      '<p><img src="/media/a.jpg" onerror="alert(1)" alt="Ảnh"></p>',
      '<p><img src="/media/a.jpg" alt="Ảnh" /></p>',
    ],
    ["javascript: link", '<a href="javascript:alert(1)">bấm</a>', "<p><a>bấm</a></p>"],
    ["entity-encoded javascript: link", '<a href="&#106;avascript:alert(1)">x</a>', "<p><a>x</a></p>"],
    ["hex entities and &colon;", '<a href="&#x6A;&#x61;vascript&colon;alert(1)">x</a>', "<p><a>x</a></p>"],
    ["tab inside the scheme", '<a href="jav&#x09;ascript:alert(1)">x</a>', "<p><a>x</a></p>"],
    ["upper-case scheme", '<a href="JaVaScRiPt:alert(1)">x</a>', "<p><a>x</a></p>"],
    ["data: link", '<a href="data:text/html,<script>alert(1)</script>">x</a>', "<p><a>x</a></p>"],
    ["data: image", '<img src="data:image/png;base64,AAAA" alt="">', ""],
    ["http image", '<img src="http://example.com/a.jpg" alt="">', ""],
    ["protocol-relative image", '<img src="//evil.example/a.jpg" alt="">', ""],
    ["relative image outside /media/", '<img src="/static/x.svg" alt="">', ""],
    ["media path traversal", '<img src="/media/../config" alt="">', ""],
    [
      "https image kept",
      '<img src="https://example.com/a.jpg" alt="A" width="640" height="x480">',
      '<p><img src="https://example.com/a.jpg" alt="A" width="640" /></p>',
    ],
    ["svg onload", '<svg onload="alert(1)"><text>hi</text></svg><p>ok</p>', "<p>ok</p>"],
    ["iframe with content", '<iframe src="https://evil.example">nội dung</iframe><p>ok</p>', "<p>ok</p>"],
    [
      "style element and attribute",
      '<style>p{color:red}</style><p style="color:red" class="x" id="y">đỏ</p>',
      "<p>đỏ</p>",
    ],
    ["event handler attributes", '<p onclick="alert(1)" onmouseover="x()">a</p>', "<p>a</p>"],
    [
      "Word paste",
      '<p class="MsoNormal" style="margin:0cm;mso-line-height-alt:12pt"><span lang="VI" style="font-size:14pt">Đ/c Phạm Thị Minh Hồng<o:p></o:p></span></p><p class="MsoNormal"><o:p>&nbsp;</o:p></p><!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->',
      "<p>Đ/c Phạm Thị Minh Hồng</p>",
    ],
    [
      "Word list with fake bullets and conditional comments",
      '<p class="MsoListParagraphCxSpFirst" style="mso-list:l0 level1 lfo1"><![if !supportLists]><span style="font-family:Symbol">·<span style="font:7.0pt \'Times New Roman\'">&nbsp;&nbsp;&nbsp; </span></span><![endif]>Thu ngân sách đạt 111%</p><p class="MsoListParagraphCxSpLast"><![if !supportLists]><span>2.<span>&nbsp; </span></span><![endif]>Xếp thứ 1/14</p><!--[if gte mso 9]><xml><o:OfficeDocumentSettings></o:OfficeDocumentSettings></xml><![endif]-->',
      "<p>Thu ngân sách đạt 111%</p><p>Xếp thứ 1/14</p>",
    ],
    [
      "Word styles, fonts and Office tags",
      '<p class="MsoNormal" align="center" style="text-align:center;line-height:150%"><b><span lang="VI" style="font-size:14.0pt;color:#C00000">THÔNG BÁO</span></b><o:p></o:p></p><p><font face="Times New Roman" size="4">Kết luận</font><st1:place w:st="on">Hà Nội</st1:place></p>',
      "<p><b>THÔNG BÁO</b></p><p>Kết luậnHà Nội</p>",
    ],
    [
      "external link gets rel",
      '<a href="https://hanoi.gov.vn" target="_blank" rel="opener">Hà Nội</a>',
      '<p><a href="https://hanoi.gov.vn" rel="noopener noreferrer">Hà Nội</a></p>',
    ],
    [
      "internal link has no rel",
      '<a href="/tin-tuc/abc" rel="opener">tin</a>',
      '<p><a href="/tin-tuc/abc">tin</a></p>',
    ],
    [
      "mailto kept",
      '<a href="mailto:ubnd@thuongthanh.gov.vn">thư</a>',
      '<p><a href="mailto:ubnd@thuongthanh.gov.vn">thư</a></p>',
    ],
    ["h1 becomes h2", "<h1>Tiêu đề</h1>", "<h2>Tiêu đề</h2>"],
    ["div unwrapped", "<div><p>a</p></div>", "<p>a</p>"],
    [
      "table parts kept",
      '<table border="1"><caption>Kết quả</caption><thead><tr><th scope="col" style="x">Chỉ tiêu</th></tr></thead><tbody><tr><td colspan="2" onclick="x">111%</td></tr></tbody></table>',
      '<table><caption>Kết quả</caption><thead><tr><th scope="col">Chỉ tiêu</th></tr></thead><tbody><tr><td colspan="2">111%</td></tr></tbody></table>',
    ],
    [
      "lists and emphasis",
      "<ul><li><strong>a</strong> <em>b</em> <u>c</u></li></ul><ol><li>1</li></ol>",
      "<ul><li><strong>a</strong> <em>b</em> <u>c</u></li></ul><ol><li>1</li></ol>",
    ],
    ["object and embed", '<object data="x.swf"><embed src="x.swf"></object><p>a</p>', "<p>a</p>"],
    ["form controls", '<form action="https://evil"><input name="p"><button>Gửi</button></form>', "Gửi"],
    [
      "figure with caption",
      '<figure><img src="/media/a.jpg" alt="A"><figcaption>Chú thích</figcaption></figure>',
      '<figure><img src="/media/a.jpg" alt="A" /><figcaption>Chú thích</figcaption></figure>',
    ],
    ["text escaped", "<p>1 &lt; 2 &amp; 3 &gt; 2</p>", "<p>1 &lt; 2 &amp; 3 &gt; 2</p>"],
  ])("%s", async (_name, input, expected) => {
    expect(await sanitizeArticleHtml(input)).toBe(expected);
  });

  it("never lets an event handler or script through whatever the nesting", async () => {
    const nasty = [
      '<p><a href="#" onclick="x">a</a><img src="/media/a.jpg" onload="x"></p>',
      "<scr<script>ipt>alert(1)</script>",
      '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
      "<p><<img src=x onerror=alert(1)>></p>",
      '<IMG SRC="jav&#x0A;ascript:alert(1)">',
      '<a href=" javascript:alert(1)">x</a>',
    ];
    for (const input of nasty) {
      const out = await sanitizeArticleHtml(input);
      expect(out).not.toMatch(/<script|on[a-z]+=|javascript:/i);
    }
  });

  it("keeps the paragraphs of typed text that carries only inline markup", async () => {
    expect(
      await sanitizeArticleHtml(
        "Đoạn một có <strong>chữ đậm</strong>.\n\nĐoạn hai <script>alert(1)</script>\ndòng hai",
      ),
    ).toBe("<p>Đoạn một có <strong>chữ đậm</strong>.</p>\n<p>Đoạn hai <br />dòng hai</p>");
    expect(await sanitizeArticleHtml("<script>\n\nalert(1)\n\n</script>\n\nSau")).toBe("<p>Sau</p>");
  });

  it("treats text without markup as paragraphs", async () => {
    expect(await sanitizeArticleHtml("Đoạn một\ndòng hai\n\nĐoạn hai & 1 < 2")).toBe(
      "<p>Đoạn một<br />dòng hai</p>\n<p>Đoạn hai &amp; 1 &lt; 2</p>",
    );
  });
});

describe("plainTextToHtml", () => {
  it("splits on blank lines, escapes text and normalises line endings", () => {
    expect(plainTextToHtml("a\r\n\r\n  \r\nb <i>")).toBe("<p>a</p>\n<p>b &lt;i&gt;</p>");
  });
});

/**
 * What the editor (client/editor) writes into the body field: the sanitiser must keep it exactly, so
 * saving never changes what the editor shows; anything the editor cannot write is still stripped.
 */
describe("the editor's markup", () => {
  const editorHtml = [
    "<h2>Kết quả năm 2019</h2>",
    '<p>Phường đạt <strong>16/16</strong> chỉ tiêu, <em>vượt</em> "mức" &amp; <u>kế hoạch</u>.<br />Dòng hai\u00a0&lt;b&gt;</p>',
    "<ul><li><p>Thu ngân sách đạt 111%</p></li><li><p>Hộ nghèo giảm 10 hộ</p></li></ul>",
    "<ol><li><p>Một là, chỉnh trang đô thị</p></li></ol>",
    '<p>Xem <a href="https://longbien.gov.vn/tin" rel="noopener noreferrer">cổng quận</a> và <a href="/tin-tuc/abc">bài</a>, <a href="mailto:vp@longbien.vn">thư</a>.</p>',
    '<figure><img src="/media/abc123.jpg" alt="Toàn cảnh &quot;hội nghị&quot;" /><figcaption>Đ/c Hồng báo cáo</figcaption></figure>',
    "<blockquote><p>Trích dẫn kết luận</p></blockquote>",
    "<h3>Tiêu đề nhỏ</h3>",
  ].join("");

  it("passes headings, lists, links, photos with captions and quotes unchanged", async () => {
    expect(await sanitizeArticleHtml(editorHtml)).toBe(editorHtml);
  });

  it("strips what the editor never writes", async () => {
    const dirty = `${editorHtml}<p style="color:red" class="x" onclick="alert(1)">Đoạn</p><pre>code</pre><h1>Lớn</h1><a href="javascript:alert(1)" target="_blank">x</a>`;
    expect(await sanitizeArticleHtml(dirty)).toBe(`${editorHtml}<p>Đoạn</p>code<h2>Lớn</h2><a>x</a>`);
  });
});
