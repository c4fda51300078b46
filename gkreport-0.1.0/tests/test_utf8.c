/* test_utf8.c: the one UTF-8 validator (utf8.c), whose fast paths (sixteen
 * and eight bytes at a time) must say exactly what a plain decoder says,
 * at every offset of a block. */
#include "config.h"

#include <criterion/criterion.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* The plain decoder: the offset of the first invalid character, or n. */
static size_t
reference(const unsigned char *s, size_t n)
{
	size_t	 i = 0, k, j;
	uint32_t cp;

	while (i < n) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if (s[i] >= 0xc2 && s[i] <= 0xdf)
			k = 1;
		else if (s[i] >= 0xe0 && s[i] <= 0xef)
			k = 2;
		else if (s[i] >= 0xf0 && s[i] <= 0xf4)
			k = 3;
		else
			return i;
		if (i + k >= n)
			return i;
		cp = s[i] & (0x3f >> k);
		for (j = 1; j <= k; j++) {
			if ((s[i + j] & 0xc0) != 0x80)
				return i;
			cp = cp << 6 | (s[i + j] & 0x3f);
		}
		if ((k == 2 && cp < 0x800) || (k == 3 && cp < 0x10000) ||
		    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return i;
		i += k + 1;
	}
	return n;
}

static void
agrees(const char *s, size_t n)
{
	size_t	 want = reference((const unsigned char *)s, n), bad = 12345;
	bool	 ok = utf8_valid(s, n, &bad);

	cr_assert_eq(ok, want == n, "valid %d, reference stops at %zu of %zu",
	    ok, want, n);
	if (!ok)
		cr_assert_eq(bad, want, "bad at %zu, reference %zu", bad, want);
}

Test(utf8_valid, ascii_chinese_and_mixed_text_are_valid)
{
	const char	*v[] = {
		"", "key,label,value\r\n", "政府信息公开工作年度报告",
		"表三 自然人列：一(96)+二(0)=96", "ü é ß", "😀 emoji", "\0 NUL",
		"一、总体情况，全年主动公开政府信息 300 条。 abc 全角＝＋",
	};
	size_t	 i;

	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		size_t	 n = i == 6 ? 5 : strlen(v[i]);

		cr_expect(utf8_valid(v[i], n, NULL), "\"%s\"", v[i]);
		agrees(v[i], n);
	}
}

/* Each bad sequence, put at every offset of a 40-byte run of Chinese
 * (so that each fast path meets it at each place), is found where the
 * plain decoder finds it. */
Test(utf8_valid, every_bad_sequence_at_every_offset)
{
	static const char *const badseq[] = {
		"\x80", "\xbf", "\xc0\x80", "\xc1\xbf", "\xe0\x80\x80",
		"\xe0\x9f\xbf", "\xed\xa0\x80", "\xed\xbf\xbf", "\xf0\x80\x80\x80",
		"\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xff", "\xfe",
		"\xe4\xb8", "\xe4\x41\x80", "\xc3", "\xf0\x9f\x98",
	};
	static const char	 cjk[] = "政府信息公开工作年度报告表三";
	char			 buf[128];
	size_t			 i, at, base, n;

	for (i = 0; i < sizeof badseq / sizeof badseq[0]; i++)
		for (base = 0; base < 3; base++)	/* ASCII before: shifts */
			for (at = 0; at <= 40; at += 3) {
				memset(buf, 'a', base);
				memcpy(buf + base, cjk, at);
				n = base + at;
				memcpy(buf + n, badseq[i], strlen(badseq[i]));
				n += strlen(badseq[i]);
				memcpy(buf + n, cjk, 30);
				n += 30;
				agrees(buf, n);
				cr_assert(!utf8_valid(buf, n, NULL),
				    "sequence %zu at %zu not refused", i, at);
			}
}

/* Text cut in the middle of a character at every length. */
Test(utf8_valid, cut_short_anywhere)
{
	static const char	 s[] = "abc政府信息公开😀工作年度报告 ok ü";
	size_t			 n;

	for (n = 0; n <= strlen(s); n++)
		agrees(s, n);
}

/* Random bytes and random mixtures of valid characters: the fast and the
 * plain decoder never disagree. */
Test(utf8_valid, agrees_with_a_plain_decoder_on_random_input)
{
	static const char *const pieces[] = {
		"a", " ", "\n", "ü", "政", "府", "\xe0\xa0\x80", "\xed\x9f\xbf",
		"\xee\x80\x80", "😀", "\xf4\x8f\xbf\xbf", "\x80", "\xed\xa0\x80",
		"\xc0\xaf", "\xe4\xb8",
	};
	char		 buf[256];
	unsigned	 seed = 2026;
	size_t		 n, len;
	int		 round, k;

	for (round = 0; round < 20000; round++) {
		n = 0;
		len = (size_t)(rand_r(&seed) % 120);
		while (n < len) {
			if (round % 4 == 0) {
				buf[n++] = (char)rand_r(&seed);
				continue;
			}
			/* Mostly valid: a bad piece one time in twenty. */
			k = rand_r(&seed) % 20 == 0 ?
			    11 + rand_r(&seed) % 4 : rand_r(&seed) % 11;
			memcpy(buf + n, pieces[k], strlen(pieces[k]));
			n += strlen(pieces[k]);
		}
		agrees(buf, n);
	}
}
