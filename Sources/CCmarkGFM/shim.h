// GitHub's CommonMark parser and its extensions (Debian: libcmark-gfm-dev, libcmark-gfm-extensions-dev).
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
// The node's layout, so the front end can read a node's fields (its literal above all) without a call or a copy.
// Debian's libcmark-gfm-dev installs it beside the public header; it is the layout of the library built with it.
#include <cmark-gfm/node.h>
// The extension's layout, so the front end can attach a copy of an extension (see `MarkdownExtensions`).
#include <cmark-gfm/syntax_extension.h>

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

// plainlint helpers: an arena allocator for cmark-gfm.
//
// cmark-gfm allocates every node, every piece of text and every buffer on its own, and frees them one by one; with
// the autolink extension, text is split at every `w` and `:` and joined again afterwards. The system allocator is
// then about a third of parsing. The arena hands out small blocks from 256 KB chunks and frees them all at once
// when the document is done; blocks over 32 KB (a long paragraph's buffer) are ordinary `malloc` blocks that are
// freed and reallocated as usual, so memory stays proportional to the document. Spare chunks are kept in a small
// pool shared by all threads, so that a run of documents does not ask the system for fresh pages each time.
//
// cmark-gfm's allocator has no context argument, so the arena in use is per thread. Everything here is `static`:
// one Swift function (`MarkdownFrontEnd.parse`) uses it, so the program has one copy of the state.

/// A chunk of the arena, followed by its bytes.
typedef struct plainlint_arena_chunk {
  struct plainlint_arena_chunk *next;
  size_t reserved;
} plainlint_arena_chunk;

/// A block too large for a chunk: its own `malloc` block, on a doubly linked list so it can be freed on its own.
typedef struct plainlint_arena_large {
  struct plainlint_arena_large *previous;
  struct plainlint_arena_large *next;
  size_t size;
  size_t tag;
} plainlint_arena_large;

/// One document's arena.
typedef struct {
  plainlint_arena_chunk *chunks;
  unsigned char *cursor;
  unsigned char *limit;
  plainlint_arena_large *large;
} plainlint_arena;

enum {
  plainlint_arena_chunk_size = 256 * 1024,
  plainlint_arena_large_size = 32 * 1024,
  plainlint_arena_pool_limit = 16,
};

/// The word before each block says what it is. A small block's word is its size with this tag in the top 16 bits;
/// a large block's is `plainlint_arena_large_tag`. Any other value means the block did not come from an arena (the
/// word is then the system allocator's size field, which never has those top bits set), and it is freed as such.
static const size_t plainlint_arena_small_tag = (size_t)0xA11CULL << 48;
static const size_t plainlint_arena_size_mask = ((size_t)1 << 48) - 1;
static const size_t plainlint_arena_large_tag = 0x706C61726E616C67ULL;

/// Spare chunks, shared by all threads.
typedef struct {
  pthread_mutex_t lock;
  plainlint_arena_chunk *chunks;
  int count;
} plainlint_arena_pool;

// Swift emits a header's functions but not its variables, so the state lives in functions.

/// Where the arena the calling thread's parse allocates from is kept.
static inline plainlint_arena **plainlint_arena_current_slot(void) {
  static __thread plainlint_arena *current = NULL;
  return &current;
}

/// The pool of spare chunks.
static inline plainlint_arena_pool *plainlint_arena_spares(void) {
  static plainlint_arena_pool pool = {PTHREAD_MUTEX_INITIALIZER, NULL, 0};
  return &pool;
}

/// A new chunk for the arena: a spare one if there is one. (Not inlined, so that allocating stays short.)
__attribute__((noinline)) static int plainlint_arena_add_chunk(plainlint_arena *arena) {
  plainlint_arena_chunk *chunk = NULL;
  plainlint_arena_pool *pool = plainlint_arena_spares();
  pthread_mutex_lock(&pool->lock);
  if (pool->chunks != NULL) {
    chunk = pool->chunks;
    pool->chunks = chunk->next;
    pool->count -= 1;
  }
  pthread_mutex_unlock(&pool->lock);
  if (chunk == NULL) {
    chunk = (plainlint_arena_chunk *)malloc(sizeof(plainlint_arena_chunk) + plainlint_arena_chunk_size);
    if (chunk == NULL) return 0;
  }
  chunk->next = arena->chunks;
  arena->chunks = chunk;
  arena->cursor = (unsigned char *)(chunk + 1);
  arena->limit = arena->cursor + plainlint_arena_chunk_size;
  return 1;
}

/// A block of `size` bytes, 8-byte aligned (all cmark-gfm needs), after its 8-byte header word. As compact as the
/// system allocator's blocks.
static inline void *plainlint_arena_allocate(size_t size) {
  plainlint_arena *arena = *plainlint_arena_current_slot();
  if (arena == NULL) abort();  // cmark-gfm called outside a parse that set up an arena
  if (size > plainlint_arena_large_size) {
    plainlint_arena_large *block = (plainlint_arena_large *)malloc(sizeof(plainlint_arena_large) + size);
    if (block == NULL) return NULL;
    block->previous = NULL;
    block->next = arena->large;
    if (arena->large != NULL) arena->large->previous = block;
    arena->large = block;
    block->size = size;
    block->tag = plainlint_arena_large_tag;
    return block + 1;
  }
  size_t need = (size + 8 + 7) & ~(size_t)7;
  if ((size_t)(arena->limit - arena->cursor) < need && !plainlint_arena_add_chunk(arena)) return NULL;
  unsigned char *header = arena->cursor;
  arena->cursor += need;
  *(size_t *)header = plainlint_arena_small_tag | size;
  return header + 8;
}

/// Whether the header word is a small block's.
static inline int plainlint_arena_is_small(size_t word) {
  return (word & ~plainlint_arena_size_mask) == plainlint_arena_small_tag;
}

/// cmark-gfm's `calloc`.
static inline void *plainlint_arena_calloc(size_t count, size_t size) {
  size_t total;
  if (__builtin_mul_overflow(count, size, &total)) return NULL;
  void *block = plainlint_arena_allocate(total);
  if (block != NULL) memset(block, 0, total);
  return block;
}

/// cmark-gfm's `free`: small blocks go with the arena; large ones are freed now.
static inline void plainlint_arena_free(void *pointer) {
  if (pointer == NULL) return;
  size_t tag = ((size_t *)pointer)[-1];
  if (plainlint_arena_is_small(tag)) return;
  if (tag == plainlint_arena_large_tag) {
    plainlint_arena_large *block = (plainlint_arena_large *)pointer - 1;
    plainlint_arena *arena = *plainlint_arena_current_slot();
    if (block->previous != NULL) {
      block->previous->next = block->next;
    } else if (arena != NULL) {
      arena->large = block->next;
    }
    if (block->next != NULL) block->next->previous = block->previous;
    free(block);
    return;
  }
  free(pointer);
}

/// cmark-gfm's `realloc`: grows the last small block in place when it can; moves large blocks with `realloc`.
static inline void *plainlint_arena_realloc(void *pointer, size_t size) {
  if (pointer == NULL) return plainlint_arena_allocate(size);
  size_t tag = ((size_t *)pointer)[-1];
  if (tag == plainlint_arena_large_tag && size > plainlint_arena_large_size) {
    plainlint_arena_large *block = (plainlint_arena_large *)pointer - 1;
    plainlint_arena_large *previous = block->previous;
    plainlint_arena_large *next = block->next;
    plainlint_arena_large *moved = (plainlint_arena_large *)realloc(block, sizeof(plainlint_arena_large) + size);
    if (moved == NULL) return NULL;
    moved->size = size;
    if (previous != NULL) {
      previous->next = moved;
    } else if (*plainlint_arena_current_slot() != NULL) {
      (*plainlint_arena_current_slot())->large = moved;
    }
    if (next != NULL) next->previous = moved;
    return moved + 1;
  }
  int small = plainlint_arena_is_small(tag);
  if (!small && tag != plainlint_arena_large_tag) return realloc(pointer, size);
  size_t old = small ? tag & plainlint_arena_size_mask : ((plainlint_arena_large *)pointer - 1)->size;
  plainlint_arena *arena = *plainlint_arena_current_slot();
  if (small && arena != NULL && size <= plainlint_arena_large_size) {
    unsigned char *end = (unsigned char *)pointer + ((old + 7) & ~(size_t)7);
    unsigned char *newEnd = (unsigned char *)pointer + ((size + 7) & ~(size_t)7);
    if (end == arena->cursor && newEnd <= arena->limit) {  // the last block: grow (or shrink) it where it is
      arena->cursor = newEnd;
      ((size_t *)pointer)[-1] = plainlint_arena_small_tag | size;
      return pointer;
    }
    if (size <= old) return pointer;
  }
  void *moved = plainlint_arena_allocate(size);
  if (moved == NULL) return NULL;
  memcpy(moved, pointer, old < size ? old : size);
  plainlint_arena_free(pointer);
  return moved;
}

/// The allocator to give cmark-gfm.
static inline cmark_mem *plainlint_arena_allocator(void) {
  static cmark_mem allocator = {plainlint_arena_calloc, plainlint_arena_realloc, plainlint_arena_free};
  return &allocator;
}

/// Starts an arena for a parse on this thread; returns what was current before (to give to `end`).
static inline plainlint_arena *plainlint_arena_begin(plainlint_arena *arena) {
  plainlint_arena *previous = *plainlint_arena_current_slot();
  arena->chunks = NULL;
  arena->cursor = NULL;
  arena->limit = NULL;
  arena->large = NULL;
  *plainlint_arena_current_slot() = arena;
  return previous;
}

/// Frees everything the arena gave out, keeps a few chunks for the next parse, and puts back the previous arena.
static inline void plainlint_arena_end(plainlint_arena *arena, plainlint_arena *previous) {
  while (arena->large != NULL) {
    plainlint_arena_large *next = arena->large->next;
    free(arena->large);
    arena->large = next;
  }
  while (arena->chunks != NULL) {
    plainlint_arena_chunk *chunk = arena->chunks;
    arena->chunks = chunk->next;
    plainlint_arena_pool *pool = plainlint_arena_spares();
    pthread_mutex_lock(&pool->lock);
    int keep = pool->count < plainlint_arena_pool_limit;
    if (keep) {
      chunk->next = pool->chunks;
      pool->chunks = chunk;
      pool->count += 1;
    }
    pthread_mutex_unlock(&pool->lock);
    if (!keep) free(chunk);
  }
  arena->cursor = NULL;
  arena->limit = NULL;
  *plainlint_arena_current_slot() = previous;
}

// plainlint helpers: parsing a large document a piece at a time (see `MarkdownPieces`).
//
// cmark-gfm parses a document's blocks line by line and its inlines only when it finishes, over the whole tree.
// For a large file the front end takes the top-level blocks that are already closed after each piece it feeds,
// and does for them what `cmark_parser_finish` would: these helpers are the parts of that which reach into the
// parser's structures (Debian's libcmark-gfm-dev installs `parser.h` and `inlines.h` beside the public header).

#include <cmark-gfm/parser.h>
#include <cmark-gfm/inlines.h>
#include <cmark-gfm/chunk.h>
#include <cmark-gfm/utf8.h>

/// Parses the inlines of every block in `node`'s subtree that holds inlines (paragraphs, headings and the
/// extensions' blocks that say so, such as table cells), with the link reference definitions of `refmap`, as
/// `cmark_parser_finish` does for the whole document. With `clear`, each such block's text is marked as read
/// (its length set to zero), so that a later `cmark_parser_finish` over the same block adds nothing to it.
static inline void plainlint_parse_inlines(cmark_parser *parser, cmark_node *node, cmark_map *refmap, int clear) {
  cmark_iter *iter = cmark_iter_new(node);
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    if (event != CMARK_EVENT_ENTER) continue;
    cmark_node *current = cmark_iter_get_node(iter);
    int holdsInlines;
    if (current->extension && current->extension->contains_inlines_func) {
      holdsInlines = current->extension->contains_inlines_func(current->extension, current) != 0;
    } else {
      holdsInlines = current->type == CMARK_NODE_PARAGRAPH || current->type == CMARK_NODE_HEADING;
    }
    if (holdsInlines) {
      cmark_parse_inlines(parser, current, refmap, parser->options);
      // The text nodes' literals point into the block's text, so it is kept, only marked as read.
      if (clear) current->content.size = 0;
    }
  }
  cmark_iter_free(iter);
}

/// Runs the post-processing of the parser's extensions (the autolink extension's e-mail addresses) over
/// `node`'s subtree, as `cmark_parser_finish` does over the document.
static inline void plainlint_postprocess(cmark_parser *parser, cmark_node *node) {
  for (cmark_llist *item = parser->syntax_extensions; item; item = item->next) {
    cmark_syntax_extension *extension = (cmark_syntax_extension *)item->data;
    if (extension->postprocess_func) extension->postprocess_func(extension, parser, node);
  }
}

/// A footnote label as cmark-gfm's maps compare labels: case folded, trimmed, inner white space made one space.
/// Written to `out` (which the caller frees with `cmark_strbuf_free`); empty for a label of nothing but spaces.
static inline void plainlint_footnote_key(cmark_node *node, cmark_strbuf *out) {
  cmark_utf8proc_case_fold(out, node->as.literal.data, node->as.literal.len);
  cmark_strbuf_trim(out);
  cmark_strbuf_normalize_whitespace(out);
}

/// Replaces a footnote reference whose label no definition has with the text `[^label]`, as cmark-gfm's
/// `process_footnotes` does.
static inline void plainlint_unresolved_footnote(cmark_parser *parser, cmark_node *reference) {
  cmark_node *text = (cmark_node *)parser->mem->calloc(1, sizeof(*text));
  cmark_strbuf_init(parser->mem, &text->content, 0);
  text->type = (uint16_t)CMARK_NODE_TEXT;
  cmark_strbuf buffer;
  cmark_strbuf_init(parser->mem, &buffer, 0);  // CMARK_BUF_INIT names a variable the library does not export
  cmark_strbuf_puts(&buffer, "[^");
  cmark_strbuf_put(&buffer, reference->as.literal.data, reference->as.literal.len);
  cmark_strbuf_putc(&buffer, ']');
  text->as.literal = cmark_chunk_buf_detach(&buffer);
  cmark_node_insert_after(reference, text);
  cmark_node_free(reference);
}

/// A footnote reference to `label`, not in any tree.
static inline cmark_node *plainlint_footnote_reference(cmark_parser *parser, const unsigned char *label, int length) {
  cmark_node *node = cmark_node_new_with_mem(CMARK_NODE_FOOTNOTE_REFERENCE, parser->mem);
  cmark_strbuf buffer;
  cmark_strbuf_init(parser->mem, &buffer, 0);
  cmark_strbuf_put(&buffer, label, length);
  node->as.literal = cmark_chunk_buf_detach(&buffer);
  return node;
}

