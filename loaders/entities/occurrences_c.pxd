# cython: language_level=3
"""The SSE2 part of ``occurrences_c.pyx``, in C: the needles' first and second
characters broadcast to 16 bytes, and the mask of the offsets of a 16-byte block where a
first character is followed by a second one (8 offsets for 2-byte units). Without SSE2
every offset is in the mask and ``OCC_SIMD`` is 0 (the walk then reads one by one).

``occ_anchors``: up to 16 exact pairs of characters (a needle's rarest two, its anchor),
and the mask of the offsets of a block where one of them starts (the text's units read
in pairs: 16 offsets of 1-byte units, 8 of 2-byte units, bit 2k for unit k). Only real
occurrences of a pair are in the mask, not every first character of one followed by a
second character of another."""


cdef extern from *:
    """
    #if defined(__SSE2__)
    #include <emmintrin.h>
    #define OCC_SIMD 1
    #else
    #define OCC_SIMD 0
    #endif
    #define OCC_MAX_SET 16
    /* Broadcast first and second characters of the needles, 8 and 16 bits wide. */
    typedef struct {
        int nf, ns;
    #if OCC_SIMD
        __m128i f8[OCC_MAX_SET], s8[OCC_MAX_SET], f16[OCC_MAX_SET], s16[OCC_MAX_SET];
    #endif
    } occ_pairs;

    static void occ_pairs_init(occ_pairs* p, const unsigned int* firsts, int nf,
                               const unsigned int* seconds, int ns) {
        int k;
        p->nf = nf;
        p->ns = ns;
    #if OCC_SIMD
        for (k = 0; k < nf; k++) {
            p->f8[k] = _mm_set1_epi8((char) firsts[k]);
            p->f16[k] = _mm_set1_epi16((short) firsts[k]);
        }
        for (k = 0; k < ns; k++) {
            p->s8[k] = _mm_set1_epi8((char) seconds[k]);
            p->s16[k] = _mm_set1_epi16((short) seconds[k]);
        }
    #endif
    }

    /* Bit k set: s[k] is a first character and s[k + 1] a second one (16 units). */
    static inline unsigned int occ_mask8(const occ_pairs* p, const unsigned char* s) {
    #if OCC_SIMD
        int k;
        __m128i a = _mm_loadu_si128((const __m128i*) s);
        __m128i b = _mm_loadu_si128((const __m128i*) (s + 1));
        __m128i fa = _mm_cmpeq_epi8(a, p->f8[0]), sb = _mm_cmpeq_epi8(b, p->s8[0]);
        for (k = 1; k < p->nf; k++) fa = _mm_or_si128(fa, _mm_cmpeq_epi8(a, p->f8[k]));
        for (k = 1; k < p->ns; k++) sb = _mm_or_si128(sb, _mm_cmpeq_epi8(b, p->s8[k]));
        return (unsigned int) _mm_movemask_epi8(_mm_and_si128(fa, sb));
    #else
        (void) p; (void) s;
        return 0xFFFFu;
    #endif
    }

    /* 16 units of 16 bits packed to bytes (saturated: a character below 256 keeps its
       value), then as occ_mask8: for needles whose first two characters are below 256. */
    static inline unsigned int occ_mask16p(const occ_pairs* p, const unsigned short* s) {
    #if OCC_SIMD
        int k;
        __m128i a = _mm_packus_epi16(_mm_loadu_si128((const __m128i*) s),
                                     _mm_loadu_si128((const __m128i*) (s + 8)));
        __m128i b = _mm_packus_epi16(_mm_loadu_si128((const __m128i*) (s + 1)),
                                     _mm_loadu_si128((const __m128i*) (s + 9)));
        __m128i fa = _mm_cmpeq_epi8(a, p->f8[0]), sb = _mm_cmpeq_epi8(b, p->s8[0]);
        for (k = 1; k < p->nf; k++) fa = _mm_or_si128(fa, _mm_cmpeq_epi8(a, p->f8[k]));
        for (k = 1; k < p->ns; k++) sb = _mm_or_si128(sb, _mm_cmpeq_epi8(b, p->s8[k]));
        return (unsigned int) _mm_movemask_epi8(_mm_and_si128(fa, sb));
    #else
        (void) p; (void) s;
        return 0xFFFFu;
    #endif
    }

    /* The same for 8 units of 16 bits: bit 2k set for unit k. */
    static inline unsigned int occ_mask16(const occ_pairs* p, const unsigned short* s) {
    #if OCC_SIMD
        int k;
        __m128i a = _mm_loadu_si128((const __m128i*) s);
        __m128i b = _mm_loadu_si128((const __m128i*) (s + 1));
        __m128i fa = _mm_cmpeq_epi16(a, p->f16[0]), sb = _mm_cmpeq_epi16(b, p->s16[0]);
        for (k = 1; k < p->nf; k++) fa = _mm_or_si128(fa, _mm_cmpeq_epi16(a, p->f16[k]));
        for (k = 1; k < p->ns; k++) sb = _mm_or_si128(sb, _mm_cmpeq_epi16(b, p->s16[k]));
        return (unsigned int) _mm_movemask_epi8(_mm_and_si128(fa, sb)) & 0x5555u;
    #else
        (void) p; (void) s;
        return 0x5555u;
    #endif
    }

    /* Exact pairs: first | second << 8 (1-byte units), first | second << 16 (2-byte). */
    typedef struct {
        int n8, n16;
    #if OCC_SIMD
        __m128i p8[OCC_MAX_SET], p16[OCC_MAX_SET];
    #endif
    } occ_anchors;

    /* The pairs ``firsts[k], seconds[k]``: those of 1-byte (2-byte) characters only are
       looked for in text of that width (the others cannot occur there). */
    static void occ_anchors_init(occ_anchors* p, const unsigned int* firsts,
                                 const unsigned int* seconds, int count) {
        int k;
        p->n8 = p->n16 = 0;
    #if OCC_SIMD
        for (k = 0; k < count; k++) {
            if (firsts[k] < 256 && seconds[k] < 256)
                p->p8[p->n8++] = _mm_set1_epi16((short) (firsts[k] | (seconds[k] << 8)));
            if (firsts[k] < 65536 && seconds[k] < 65536)
                p->p16[p->n16++] = _mm_set1_epi32((int) (firsts[k] | (seconds[k] << 16)));
        }
    #else
        (void) firsts; (void) seconds; (void) count;
    #endif
    }

    /* Bit k set: s[k], s[k + 1] is one of the pairs (16 offsets of 1-byte units). */
    static inline unsigned int occ_anchor_mask8(const occ_anchors* p, const unsigned char* s) {
    #if OCC_SIMD
        int k;
        __m128i a = _mm_loadu_si128((const __m128i*) s);
        __m128i b = _mm_loadu_si128((const __m128i*) (s + 1));
        __m128i lo = _mm_unpacklo_epi8(a, b), hi = _mm_unpackhi_epi8(a, b);
        __m128i ml = _mm_setzero_si128(), mh = _mm_setzero_si128();
        for (k = 0; k < p->n8; k++) {
            ml = _mm_or_si128(ml, _mm_cmpeq_epi16(lo, p->p8[k]));
            mh = _mm_or_si128(mh, _mm_cmpeq_epi16(hi, p->p8[k]));
        }
        return (unsigned int) _mm_movemask_epi8(_mm_packs_epi16(ml, mh));
    #else
        (void) p; (void) s;
        return 0xFFFFu;
    #endif
    }

    /* 16 units of 2 bytes packed to 1 byte each (saturated: only a character below 256
       keeps its value, and only such pairs are then looked for), as occ_anchor_mask8. */
    static inline unsigned int occ_anchor_mask16p(const occ_anchors* p, const unsigned short* s) {
    #if OCC_SIMD
        int k;
        __m128i a = _mm_packus_epi16(_mm_loadu_si128((const __m128i*) s),
                                     _mm_loadu_si128((const __m128i*) (s + 8)));
        __m128i b = _mm_packus_epi16(_mm_loadu_si128((const __m128i*) (s + 1)),
                                     _mm_loadu_si128((const __m128i*) (s + 9)));
        __m128i lo = _mm_unpacklo_epi8(a, b), hi = _mm_unpackhi_epi8(a, b);
        __m128i ml = _mm_setzero_si128(), mh = _mm_setzero_si128();
        for (k = 0; k < p->n8; k++) {
            ml = _mm_or_si128(ml, _mm_cmpeq_epi16(lo, p->p8[k]));
            mh = _mm_or_si128(mh, _mm_cmpeq_epi16(hi, p->p8[k]));
        }
        return (unsigned int) _mm_movemask_epi8(_mm_packs_epi16(ml, mh));
    #else
        (void) p; (void) s;
        return 0xFFFFu;
    #endif
    }

    /* The same for 8 offsets of 2-byte units: bit 2k set for unit k. */
    static inline unsigned int occ_anchor_mask16(const occ_anchors* p, const unsigned short* s) {
    #if OCC_SIMD
        int k;
        __m128i a = _mm_loadu_si128((const __m128i*) s);
        __m128i b = _mm_loadu_si128((const __m128i*) (s + 1));
        __m128i lo = _mm_unpacklo_epi16(a, b), hi = _mm_unpackhi_epi16(a, b);
        __m128i ml = _mm_setzero_si128(), mh = _mm_setzero_si128();
        for (k = 0; k < p->n16; k++) {
            ml = _mm_or_si128(ml, _mm_cmpeq_epi32(lo, p->p16[k]));
            mh = _mm_or_si128(mh, _mm_cmpeq_epi32(hi, p->p16[k]));
        }
        return (unsigned int) _mm_movemask_epi8(_mm_packs_epi32(ml, mh)) & 0x5555u;
    #else
        (void) p; (void) s;
        return 0x5555u;
    #endif
    }

    /* Exact runs of four characters (a needle's rarest four, when its pairs are all
       common: " in "), as bytes: the offsets of a block of 16 where one of them starts. */
    typedef struct {
        int n8;
    #if OCC_SIMD
        __m128i q8[OCC_MAX_SET][4];
    #endif
    } occ_quads;

    /* ``chars[4k .. 4k + 3]``: quad k; only those of characters below 256 are kept. */
    static void occ_quads_init(occ_quads* p, const unsigned int* chars, int count) {
        int k, t;
        p->n8 = 0;
    #if OCC_SIMD
        for (k = 0; k < count; k++) {
            if (chars[4 * k] < 256 && chars[4 * k + 1] < 256 && chars[4 * k + 2] < 256
                && chars[4 * k + 3] < 256) {
                for (t = 0; t < 4; t++) p->q8[p->n8][t] = _mm_set1_epi8((char) chars[4 * k + t]);
                p->n8++;
            }
        }
    #else
        (void) chars; (void) count; (void) t;
    #endif
    }

    #if OCC_SIMD
    static inline unsigned int occ_quad_mask_of(const occ_quads* p, __m128i a, __m128i b,
                                                __m128i c, __m128i d) {
        int k;
        __m128i acc = _mm_setzero_si128();
        for (k = 0; k < p->n8; k++) {
            __m128i m = _mm_and_si128(_mm_cmpeq_epi8(a, p->q8[k][0]), _mm_cmpeq_epi8(b, p->q8[k][1]));
            m = _mm_and_si128(m, _mm_and_si128(_mm_cmpeq_epi8(c, p->q8[k][2]),
                                               _mm_cmpeq_epi8(d, p->q8[k][3])));
            acc = _mm_or_si128(acc, m);
        }
        return (unsigned int) _mm_movemask_epi8(acc);
    }
    #endif

    /* Bit k set: one of the quads starts at s[k] (16 offsets of 1-byte units; reads s[18]). */
    static inline unsigned int occ_quad_mask8(const occ_quads* p, const unsigned char* s) {
    #if OCC_SIMD
        return occ_quad_mask_of(p, _mm_loadu_si128((const __m128i*) s),
                                _mm_loadu_si128((const __m128i*) (s + 1)),
                                _mm_loadu_si128((const __m128i*) (s + 2)),
                                _mm_loadu_si128((const __m128i*) (s + 3)));
    #else
        (void) p; (void) s;
        return 0xFFFFu;
    #endif
    }

    /* The same for 16 units of 2 bytes packed to bytes (saturated, as occ_mask16p). */
    static inline unsigned int occ_quad_mask16p(const occ_quads* p, const unsigned short* s) {
    #if OCC_SIMD
        int t;
        __m128i v[4];
        for (t = 0; t < 4; t++)
            v[t] = _mm_packus_epi16(_mm_loadu_si128((const __m128i*) (s + t)),
                                    _mm_loadu_si128((const __m128i*) (s + t + 8)));
        return occ_quad_mask_of(p, v[0], v[1], v[2], v[3]);
    #else
        (void) p; (void) s;
        return 0xFFFFu;
    #endif
    }

    static inline int occ_lowest_bit(unsigned int m) {
    #if defined(__GNUC__)
        return __builtin_ctz(m);
    #else
        int k = 0;
        while (!(m & 1u)) { m >>= 1; k++; }
        return k;
    #endif
    }
    """
    ctypedef struct occ_pairs:
        int nf
        int ns
    int OCC_SIMD
    int OCC_MAX_SET
    void occ_pairs_init(occ_pairs* p, const unsigned int* firsts, int nf, const unsigned int* seconds, int ns) noexcept
    unsigned int occ_mask8(const occ_pairs* p, const unsigned char* s) noexcept nogil
    unsigned int occ_mask16(const occ_pairs* p, const unsigned short* s) noexcept nogil
    unsigned int occ_mask16p(const occ_pairs* p, const unsigned short* s) noexcept nogil
    int occ_lowest_bit(unsigned int m) noexcept nogil
    ctypedef struct occ_quads:
        int n8
    void occ_quads_init(occ_quads* p, const unsigned int* chars, int count) noexcept nogil
    unsigned int occ_quad_mask8(const occ_quads* p, const unsigned char* s) noexcept nogil
    unsigned int occ_quad_mask16p(const occ_quads* p, const unsigned short* s) noexcept nogil
    ctypedef struct occ_anchors:
        int n8
        int n16
    void occ_anchors_init(occ_anchors* p, const unsigned int* firsts, const unsigned int* seconds, int count) noexcept nogil
    unsigned int occ_anchor_mask8(const occ_anchors* p, const unsigned char* s) noexcept nogil
    unsigned int occ_anchor_mask16(const occ_anchors* p, const unsigned short* s) noexcept nogil
    unsigned int occ_anchor_mask16p(const occ_anchors* p, const unsigned short* s) noexcept nogil
