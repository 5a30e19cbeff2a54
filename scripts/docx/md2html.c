/* Renders GitHub-flavoured Markdown on standard input to an HTML page on standard output (for make-docx-fixtures). */
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  static char buffer[1 << 20];
  size_t length = fread(buffer, 1, sizeof buffer - 1, stdin);
  cmark_gfm_core_extensions_ensure_registered();
  int options = CMARK_OPT_FOOTNOTES | CMARK_OPT_UNSAFE;
  cmark_parser *parser = cmark_parser_new(options);
  const char *names[] = {"table", "strikethrough", "autolink", "tasklist"};
  for (int i = 0; i < 4; i++) cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(names[i]));
  cmark_parser_feed(parser, buffer, length);
  cmark_node *document = cmark_parser_finish(parser);
  char *html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser));
  printf("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title></title></head>\n");
  printf("<body>\n%s</body></html>\n", html);
  free(html);
  cmark_node_free(document);
  cmark_parser_free(parser);
  return 0;
}
