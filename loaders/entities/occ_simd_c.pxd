# cython: language_level=3
"""The SSE2 block filters of ``occurrences_c`` and ``substrings_c``, in C (``cimport``
only; no module of its own): a block of text (16 units, or 8 of 2 bytes) compared at
once with a few characters broadcast to 16 bytes, giving the mask of the block's offsets
where a needle may start (bit k for unit k; bit 2k for unit k of a block of 8).

- ``occ_pairs``: one of the needles' first characters followed by one of their second
  characters (not necessarily of the same needle);
- ``occ_anchors``: up to 16 exact pairs of characters (each needle's rarest two, its
  anchor): only real occurrences of a pair are in the mask;
- ``occ_quads``: up to 16 exact runs of four characters (``" in "``), 16 offsets a block.

2-byte units are packed to bytes, 16 at a time, when every character looked for is below
256 (saturated: a character below 256 keeps its value; the others become 255 and match
none). Each ``*_init`` returns the block's width in units for text of ``unit`` bytes.
Without SSE2 ``OCC_SIMD`` is 0 (the walks then read one character at a time) and every
offset is in the mask."""


cdef extern from *:
    """
    #if defined(__SSE2__)
    #include <emmintrin.h>
    #define OCC_SIMD 1
    #else
    #define OCC_SIMD 0
    #endif
    #define OCC_MAX_SET 16
    typedef struct {
        int nf, ns;
    #if OCC_SIMD
        __m128i f8[OCC_MAX_SET], s8[OCC_MAX_SET], f16[OCC_MAX_SET], s16[OCC_MAX_SET];
    #endif
    } occ_pairs;
    /* Exact pairs: first | second << 8 (1-byte units), first | second << 16 (2-byte). */
    typedef struct {
        int n8, n16;
    #if OCC_SIMD
        __m128i p8[OCC_MAX_SET], p16[OCC_MAX_SET];
    #endif
    } occ_anchors;
    typedef struct {
        int n8;
    #if OCC_SIMD
        __m128i q8[OCC_MAX_SET][4];
    #endif
    } occ_quads;

    static inline int occ_lowest_bit(unsigned int m) {
    #if defined(__GNUC__)
        return __builtin_ctz(m);
    #else
        int k = 0;
        while (!(m & 1u)) { m >>= 1; k++; }
        return k;
    #endif
    }

    /* Is a block of units of this width read as 16 bytes (1-byte units always are:
       ``unit`` is a constant of each specialisation, so the test folds away)? */
    #define OCC_BYTES(unit, width) ((unit) == 1 || (width) == 16)

    /* The unit of a block of this width where the mask's lowest bit lies. */
    static inline int occ_block_unit(unsigned int mask, int unit, int width) {
        return OCC_BYTES(unit, width) ? occ_lowest_bit(mask) : occ_lowest_bit(mask) >> 1;
    }

    static inline int occ_below_256(const unsigned int* chars, int count) {
        int k;
        for (k = 0; k < count; k++) if (chars[k] >= 256) return 0;
        return 1;
    }

    #if OCC_SIMD
    static inline __m128i occ_load(const void* s) { return _mm_loadu_si128((const __m128i*) s); }
    /* 16 units of 2 bytes packed to 16 bytes (saturated). */
    static inline __m128i occ_packed(const unsigned short* s) {
        return _mm_packus_epi16(occ_load(s), occ_load(s + 8));
    }
    /* The block's units at s (a) and at s + 1 (b), as bytes when the block is 16 wide. */
    static inline void occ_units(const void* s, int unit, int width, __m128i* a, __m128i* b) {
        if (unit == 1) {
            *a = occ_load(s); *b = occ_load((const unsigned char*) s + 1);
        } else if (OCC_BYTES(unit, width)) {
            *a = occ_packed((const unsigned short*) s);
            *b = occ_packed((const unsigned short*) s + 1);
        } else {
            *a = occ_load(s); *b = occ_load((const unsigned short*) s + 1);
        }
    }

    static inline int occ_pairs_init(occ_pairs* p, const unsigned int* firsts, int nf,
                              const unsigned int* seconds, int ns, int unit) {
        int k;
        p->nf = nf;
        p->ns = ns;
        for (k = 0; k < nf; k++) {
            p->f8[k] = _mm_set1_epi8((char) firsts[k]);
            p->f16[k] = _mm_set1_epi16((short) firsts[k]);
        }
        for (k = 0; k < ns; k++) {
            p->s8[k] = _mm_set1_epi8((char) seconds[k]);
            p->s16[k] = _mm_set1_epi16((short) seconds[k]);
        }
        return unit == 1 || (occ_below_256(firsts, nf) && occ_below_256(seconds, ns)) ? 16 : 8;
    }

    /* Bit k: a first character at unit k and a second one at unit k + 1 (reads s[width]). */
    static inline unsigned int occ_pairs_block(const occ_pairs* p, const void* s, int unit,
                                               int width) {
        int k;
        __m128i a, b, fa, sb;
        occ_units(s, unit, width, &a, &b);
        if (OCC_BYTES(unit, width)) {
            fa = _mm_cmpeq_epi8(a, p->f8[0]), sb = _mm_cmpeq_epi8(b, p->s8[0]);
            for (k = 1; k < p->nf; k++) fa = _mm_or_si128(fa, _mm_cmpeq_epi8(a, p->f8[k]));
            for (k = 1; k < p->ns; k++) sb = _mm_or_si128(sb, _mm_cmpeq_epi8(b, p->s8[k]));
            return (unsigned int) _mm_movemask_epi8(_mm_and_si128(fa, sb));
        }
        fa = _mm_cmpeq_epi16(a, p->f16[0]), sb = _mm_cmpeq_epi16(b, p->s16[0]);
        for (k = 1; k < p->nf; k++) fa = _mm_or_si128(fa, _mm_cmpeq_epi16(a, p->f16[k]));
        for (k = 1; k < p->ns; k++) sb = _mm_or_si128(sb, _mm_cmpeq_epi16(b, p->s16[k]));
        return (unsigned int) _mm_movemask_epi8(_mm_and_si128(fa, sb)) & 0x5555u;
    }

    /* The pairs firsts[k], seconds[k]: those of 1-byte (2-byte) characters only are looked
       for in text of that width (the others cannot occur there). */
    static inline int occ_anchors_init(occ_anchors* p, const unsigned int* firsts,
                                const unsigned int* seconds, int count, int unit) {
        int k;
        p->n8 = p->n16 = 0;
        for (k = 0; k < count; k++) {
            if (firsts[k] < 256 && seconds[k] < 256)
                p->p8[p->n8++] = _mm_set1_epi16((short) (firsts[k] | (seconds[k] << 8)));
            if (firsts[k] < 65536 && seconds[k] < 65536)
                p->p16[p->n16++] = _mm_set1_epi32((int) (firsts[k] | (seconds[k] << 16)));
        }
        return unit == 1 || p->n8 == count ? 16 : 8;
    }

    /* Bit k: units k, k + 1 are one of the pairs (reads s[width]). */
    static inline unsigned int occ_anchors_block(const occ_anchors* p, const void* s,
                                                 int unit, int width) {
        int k;
        __m128i a, b, lo, hi, ml = _mm_setzero_si128(), mh = _mm_setzero_si128();
        occ_units(s, unit, width, &a, &b);
        if (OCC_BYTES(unit, width)) {
            lo = _mm_unpacklo_epi8(a, b), hi = _mm_unpackhi_epi8(a, b);
            for (k = 0; k < p->n8; k++) {
                ml = _mm_or_si128(ml, _mm_cmpeq_epi16(lo, p->p8[k]));
                mh = _mm_or_si128(mh, _mm_cmpeq_epi16(hi, p->p8[k]));
            }
            return (unsigned int) _mm_movemask_epi8(_mm_packs_epi16(ml, mh));
        }
        lo = _mm_unpacklo_epi16(a, b), hi = _mm_unpackhi_epi16(a, b);
        for (k = 0; k < p->n16; k++) {
            ml = _mm_or_si128(ml, _mm_cmpeq_epi32(lo, p->p16[k]));
            mh = _mm_or_si128(mh, _mm_cmpeq_epi32(hi, p->p16[k]));
        }
        return (unsigned int) _mm_movemask_epi8(_mm_packs_epi32(ml, mh)) & 0x5555u;
    }

    /* chars[4k .. 4k + 3]: quad k (all below 256 for 2-byte units: the caller checks);
       blocks of 16 units. */
    static inline int occ_quads_init(occ_quads* p, const unsigned int* chars, int count) {
        int k, t;
        p->n8 = 0;
        for (k = 0; k < count; k++) {
            if (occ_below_256(chars + 4 * k, 4)) {
                for (t = 0; t < 4; t++) p->q8[p->n8][t] = _mm_set1_epi8((char) chars[4 * k + t]);
                p->n8++;
            }
        }
        return 16;
    }

    /* Bit k: one of the quads starts at unit k (reads s[18]). */
    static inline unsigned int occ_quads_block(const occ_quads* p, const void* s, int unit) {
        int k;
        const unsigned short* w = (const unsigned short*) s;
        const unsigned char* b = (const unsigned char*) s;
        __m128i v0 = unit == 1 ? occ_load(b) : occ_packed(w);
        __m128i v1 = unit == 1 ? occ_load(b + 1) : occ_packed(w + 1);
        __m128i v2 = unit == 1 ? occ_load(b + 2) : occ_packed(w + 2);
        __m128i v3 = unit == 1 ? occ_load(b + 3) : occ_packed(w + 3);
        __m128i acc = _mm_setzero_si128();
        for (k = 0; k < p->n8; k++) {
            __m128i m = _mm_and_si128(_mm_cmpeq_epi8(v0, p->q8[k][0]),
                                      _mm_cmpeq_epi8(v1, p->q8[k][1]));
            m = _mm_and_si128(m, _mm_and_si128(_mm_cmpeq_epi8(v2, p->q8[k][2]),
                                               _mm_cmpeq_epi8(v3, p->q8[k][3])));
            acc = _mm_or_si128(acc, m);
        }
        return (unsigned int) _mm_movemask_epi8(acc);
    }
    #else
    /* No SSE2: every offset is in the mask (the walks are not taken: OCC_SIMD is 0). */
    static inline int occ_pairs_init(occ_pairs* p, const unsigned int* firsts, int nf,
                              const unsigned int* seconds, int ns, int unit) {
        (void) firsts; (void) seconds; (void) unit;
        p->nf = nf; p->ns = ns;
        return 16;
    }
    static inline int occ_anchors_init(occ_anchors* p, const unsigned int* firsts,
                                const unsigned int* seconds, int count, int unit) {
        (void) firsts; (void) seconds; (void) count; (void) unit;
        p->n8 = p->n16 = 0;
        return 16;
    }
    static inline int occ_quads_init(occ_quads* p, const unsigned int* chars, int count) {
        (void) chars; (void) count;
        p->n8 = 0;
        return 16;
    }
    #define occ_pairs_block(p, s, unit, width) ((void) (p), (void) (s), 0xFFFFu)
    #define occ_anchors_block(p, s, unit, width) ((void) (p), (void) (s), 0xFFFFu)
    #define occ_quads_block(p, s, unit) ((void) (p), (void) (s), 0xFFFFu)
    #endif
    """
    int OCC_SIMD
    int OCC_MAX_SET
    ctypedef struct occ_pairs:
        int nf
        int ns
    ctypedef struct occ_anchors:
        int n8
        int n16
    ctypedef struct occ_quads:
        int n8
    int occ_block_unit(unsigned int mask, int unit, int width) noexcept nogil
    int occ_pairs_init(
        occ_pairs* p, const unsigned int* firsts, int nf, const unsigned int* seconds, int ns,
        int unit,
    ) noexcept nogil
    unsigned int occ_pairs_block(const occ_pairs* p, const void* s, int unit, int width) noexcept nogil
    int occ_anchors_init(
        occ_anchors* p, const unsigned int* firsts, const unsigned int* seconds, int count,
        int unit,
    ) noexcept nogil
    unsigned int occ_anchors_block(const occ_anchors* p, const void* s, int unit, int width) noexcept nogil
    int occ_quads_init(occ_quads* p, const unsigned int* chars, int count) noexcept nogil
    unsigned int occ_quads_block(const occ_quads* p, const void* s, int unit) noexcept nogil
