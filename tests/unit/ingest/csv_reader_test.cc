#include "ingest/csv_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/cp949.h"

namespace ijik::ingest {
namespace {

using Fields = std::vector<std::string>;

// One outcome of next(): a record's line and fields, or a malformed record.
struct Item {
  size_t line;
  Fields fields;  // empty when malformed
  bool malformed = false;
  CsvErrorKind kind = CsvErrorKind::kQuoteInUnquotedField;
};

std::vector<Item> read_all(std::string_view data, CsvOptions opt = {}) {
  CsvReader reader(data, opt);
  CsvRecord rec;
  CsvError err;
  std::vector<Item> items;
  for (;;) {
    CsvRead r = reader.next(rec, err);
    if (r == CsvRead::kEnd) break;
    if (r == CsvRead::kMalformed) {
      items.push_back({err.line, {}, true, err.kind});
    } else {
      items.push_back({rec.line, Fields(rec.fields.begin(), rec.fields.end())});
    }
  }
  return items;
}

TEST(CsvReaderTest, PlainAndQuotedFields) {
  auto items = read_all("a,b,c\r\n\"d\",\"e,1\",\"\"\r\n");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].fields, (Fields{"a", "b", "c"}));
  EXPECT_EQ(items[1].fields, (Fields{"d", "e,1", ""}));
  EXPECT_EQ(items[1].line, 2u);
}

TEST(CsvReaderTest, EscapedQuotesAreUnescaped) {
  auto items = read_all("\"say \"\"hi\"\"\",\"\"\"\",x,\"a\"\"b\"\"c\"\"d\"\"e\"\"f\"\"g\"\n");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].fields, (Fields{"say \"hi\"", "\"", "x", "a\"b\"c\"d\"e\"f\"g"}));
}

TEST(CsvReaderTest, EmptyFieldsAndTrailingSeparator) {
  auto items = read_all(",,\na,\n\"\",b");
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].fields, (Fields{"", "", ""}));
  EXPECT_EQ(items[1].fields, (Fields{"a", ""}));
  EXPECT_EQ(items[2].fields, (Fields{"", "b"}));
}

TEST(CsvReaderTest, LastLineWithoutNewline) {
  auto items = read_all("h1,h2\r\n1,\"2\"");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[1].fields, (Fields{"1", "2"}));
  EXPECT_EQ(items[1].line, 2u);
  EXPECT_EQ(read_all("x").size(), 1u);
  EXPECT_TRUE(read_all("").empty());
}

TEST(CsvReaderTest, MultiLineRecordsKeepLineNumbers) {
  std::string data =
      "id,text\r\n"           // line 1
      "1,\"one\r\ntwo\"\r\n"  // lines 2-3
      "2,\"a\nb\nc\"\n"       // lines 4-6
      "3,plain\r\n";          // line 7
  auto items = read_all(data);
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[1].line, 2u);
  EXPECT_EQ(items[1].fields, (Fields{"1", "one\r\ntwo"}));
  EXPECT_EQ(items[2].line, 4u);
  EXPECT_EQ(items[2].fields, (Fields{"2", "a\nb\nc"}));
  EXPECT_EQ(items[3].line, 7u);
}

TEST(CsvReaderTest, BlankLinesAreSkippedButCounted) {
  auto items = read_all("a\r\n\r\n\nb\r\n\r\n");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[1].line, 4u);
  EXPECT_EQ(items[1].fields, (Fields{"b"}));
}

TEST(CsvReaderTest, BareCrEndsALine) {
  auto items = read_all("a,b\rc,d\r\"x\ry\",z");
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[1].fields, (Fields{"c", "d"}));
  EXPECT_EQ(items[1].line, 2u);
  EXPECT_EQ(items[2].fields, (Fields{"x\ry", "z"}));
}

TEST(CsvReaderTest, SpacesAroundQuotedFieldsAreIgnored) {
  auto items = read_all("\"a\" , \"b\",  c ,\t\"d\"\t\n");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].fields, (Fields{"a", "b", "  c ", "d"}));
}

TEST(CsvReaderTest, SkipsUtf8Bom) {
  auto items = read_all("\xEF\xBB\xBF\"자료생성년월\",\" 사업장명\"\r\n");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].fields, (Fields{"자료생성년월", " 사업장명"}));
}

TEST(CsvReaderTest, QuoteInUnquotedFieldRejectsOnlyThatRow) {
  std::string data = "a,b\r\nab\"c,d\r\ne,f\r\n";
  CsvReader reader(data);
  CsvRecord rec;
  CsvError err;
  ASSERT_EQ(reader.next(rec, err), CsvRead::kRecord);
  ASSERT_EQ(reader.next(rec, err), CsvRead::kMalformed);
  EXPECT_EQ(err.kind, CsvErrorKind::kQuoteInUnquotedField);
  EXPECT_EQ(err.line, 2u);
  EXPECT_EQ(err.offset, 7u);
  EXPECT_EQ(err.raw, "ab\"c,d");
  EXPECT_EQ(describe(err), "line 2: quote inside an unquoted field (byte 7)");
  ASSERT_EQ(reader.next(rec, err), CsvRead::kRecord);
  EXPECT_EQ(rec.line, 3u);
  EXPECT_EQ(Fields(rec.fields.begin(), rec.fields.end()), (Fields{"e", "f"}));
  EXPECT_EQ(rec.raw, "e,f");
  EXPECT_EQ(reader.next(rec, err), CsvRead::kEnd);
  EXPECT_EQ(reader.next(rec, err), CsvRead::kEnd);
}

TEST(CsvReaderTest, GarbageAfterClosingQuote) {
  auto items = read_all("\"a\"x,b\n\"He said \"hi\"\",c\nok,1\n");
  ASSERT_EQ(items.size(), 3u);
  EXPECT_TRUE(items[0].malformed);
  EXPECT_EQ(items[0].kind, CsvErrorKind::kGarbageAfterQuote);
  EXPECT_EQ(items[0].line, 1u);
  EXPECT_TRUE(items[1].malformed);
  EXPECT_EQ(items[1].kind, CsvErrorKind::kGarbageAfterQuote);
  EXPECT_EQ(items[1].line, 2u);
  EXPECT_EQ(items[2].fields, (Fields{"ok", "1"}));
  EXPECT_EQ(items[2].line, 3u);
}

TEST(CsvReaderTest, UnterminatedQuoteResumesAtNextLine) {
  // The stray quote on line 2 swallows the rest of the file; the reader
  // reports line 2 and then reads lines 3 and 4 as records.
  auto items = read_all("h\r\n\"open,1\r\nx,2\r\ny,3");
  ASSERT_EQ(items.size(), 4u);
  EXPECT_TRUE(items[1].malformed);
  EXPECT_EQ(items[1].kind, CsvErrorKind::kUnterminatedQuote);
  EXPECT_EQ(items[1].line, 2u);
  EXPECT_EQ(items[2].fields, (Fields{"x", "2"}));
  EXPECT_EQ(items[2].line, 3u);
  EXPECT_EQ(items[3].fields, (Fields{"y", "3"}));
  EXPECT_EQ(items[3].line, 4u);

  CsvReader reader("\"abc");
  CsvRecord rec;
  CsvError err;
  ASSERT_EQ(reader.next(rec, err), CsvRead::kMalformed);
  EXPECT_EQ(err.kind, CsvErrorKind::kUnterminatedQuote);
  EXPECT_EQ(err.offset, 0u);
  EXPECT_EQ(err.raw, "\"abc");
  EXPECT_EQ(reader.next(rec, err), CsvRead::kEnd);
}

TEST(CsvReaderTest, MalformedMultiLineRecordResumesAfterItsFirstLine) {
  auto items = read_all("\"a\nb\"x\nc\n");
  ASSERT_EQ(items.size(), 3u);
  EXPECT_TRUE(items[0].malformed);
  EXPECT_EQ(items[0].line, 1u);
  EXPECT_TRUE(items[1].malformed);  // b"x: the rest of the bad record
  EXPECT_EQ(items[1].line, 2u);
  EXPECT_EQ(items[2].fields, (Fields{"c"}));
  EXPECT_EQ(items[2].line, 3u);
}

TEST(CsvReaderTest, UnescapedViewsSurviveScratchGrowth) {
  std::string big(5000, 'x');
  std::string data = "\"a\"\"\",\"" + big + "\"\"\",\"b\"\"\"\n";
  auto items = read_all(data);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].fields, (Fields{"a\"", big + "\"", "b\""}));
}

TEST(CsvReaderTest, TabSeparatorAndBareQuotes) {
  CsvOptions opt;
  opt.separator = '\t';
  opt.allow_bare_quotes = true;
  auto items = read_all("a\tb \"c\"\t\"q,t\"\n", opt);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].fields, (Fields{"a", "b \"c\"", "q,t"}));
}

TEST(CsvReaderTest, ReadsCp949BytesUntouched) {
  // "㈜가나" and "서울,중구" in CP949, quoted: no byte of a character is a
  // separator or quote, so fields come back byte-identical.
  std::string name = "\xA2\xDF\xB0\xA1\xB3\xAA";
  std::string addr = "\xBC\xAD\xBF\xEF,\xC1\xDF\xB1\xB8";
  auto items = read_all("\"" + name + "\",\"" + addr + "\"\r\n");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].fields, (Fields{name, addr}));
}

TEST(CsvReaderTest, Cp949FileDecodedPerRowRejectsOnlyTheBadRow) {
  // The importer's path: split raw CP949 bytes, then decode each field.
  const std::string_view head = "\"자료생성년월\",\"사업장명\"\r\n\"2025-01\",\"㈜똠방각하\"\r\n";
  const std::string_view last = "\"2025-01\",\"(주)\"\"희망\"\" 나눔, 주식회사\"";
  std::string file, tail;
  ASSERT_EQ(encode_cp949(head, file, nullptr), head.size());
  file += "\"2025-01\",\"\xB0\xA1\xC9\xA1\"\r\n";  // 가 + a user-defined (unmapped) code
  ASSERT_EQ(encode_cp949(last, tail, nullptr), last.size());
  file += tail;

  CsvReader reader(file);
  CsvRecord rec;
  CsvError err;
  std::vector<std::string> names;
  std::vector<size_t> rejected_lines;
  while (reader.next(rec, err) == CsvRead::kRecord) {
    std::string row;
    ConvertError e;
    bool ok = true;
    for (std::string_view f : rec.fields) {
      row.clear();
      if (decode_cp949(f, row, &e) != f.size()) ok = false;
    }
    if (ok) {
      names.push_back(row);
    } else {
      rejected_lines.push_back(rec.line);
      EXPECT_EQ(e.offset, 2u);  // within the field
      EXPECT_EQ(e.kind, ConvertErrorKind::kUnmapped);
    }
  }
  EXPECT_EQ(names,
            (std::vector<std::string>{"사업장명", "㈜똠방각하", "(주)\"희망\" 나눔, 주식회사"}));
  EXPECT_EQ(rejected_lines, (std::vector<size_t>{3}));
}

}  // namespace
}  // namespace ijik::ingest
