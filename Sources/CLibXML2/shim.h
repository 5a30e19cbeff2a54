// libxml2's HTML parser (Debian: libxml2-dev).
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xmlerror.h>
#include <libxml/parserInternals.h>
#include <libxml/globals.h>
// libxml2's XML reader (a forward-only cursor over the parse), for XMLReader (Word documents).
#include <libxml/xmlreader.h>

// plainlint helpers. libxml2's generic error handler is variadic, which Swift cannot write, and its per-thread
// handlers are reached through macros, which Swift cannot call; these few lines do both.

/// A generic error handler that prints nothing.
static inline void plainlint_xml_silent_generic_error(void *context, const char *message, ...) {
  (void)context;
  (void)message;
}

/// The calling thread's error handlers, as saved by `plainlint_xml_silence_errors`.
typedef struct {
  xmlGenericErrorFunc generic;
  void *genericContext;
  xmlStructuredErrorFunc structured;
  void *structuredContext;
} plainlint_xml_error_handlers;

/// Makes libxml2 print nothing on this thread: generic errors go to a handler that drops them, and the structured
/// handler is cleared so that each parser context's own handler is the one used. Returns what was there before.
static inline plainlint_xml_error_handlers plainlint_xml_silence_errors(void) {
  plainlint_xml_error_handlers saved;
  saved.generic = xmlGenericError;
  saved.genericContext = xmlGenericErrorContext;
  saved.structured = xmlStructuredError;
  saved.structuredContext = xmlStructuredErrorContext;
  xmlSetGenericErrorFunc(NULL, plainlint_xml_silent_generic_error);
  xmlSetStructuredErrorFunc(NULL, NULL);
  return saved;
}

/// Puts back the error handlers that `plainlint_xml_silence_errors` saved.
static inline void plainlint_xml_restore_errors(plainlint_xml_error_handlers saved) {
  xmlSetGenericErrorFunc(saved.genericContext, saved.generic);
  xmlSetStructuredErrorFunc(saved.structuredContext, saved.structured);
}

/// Whether this thread's generic error handler is the silent one (for tests).
static inline int plainlint_xml_errors_are_silenced(void) {
  return xmlGenericError == plainlint_xml_silent_generic_error;
}

/// Frees memory that libxml2 allocated and handed over (xmlFree is a macro or a global function pointer).
static inline void plainlint_xml_free(void *pointer) {
  xmlFree(pointer);
}

/// Parses `size` bytes of UTF-8 HTML at `buffer` with the context's SAX handler, as `htmlCtxtReadMemory(ctxt,
/// buffer, size, NULL, "UTF-8", options)` does in libxml2 2.9, step for step, but without its copy of the bytes:
/// `xmlParserInputBufferCreateMem` copies the whole document into a growing buffer (16.8 MB for a 10 MB page),
/// which is then converted into the buffer the parser reads. Here the bytes are read where they lie
/// (`xmlParserInputBufferCreateStatic`) and converted from there, so the parser reads the same buffer and sends
/// the same events. The caller keeps `buffer` alive and unchanged until this returns. Returns the document, if
/// libxml2 made one (the caller frees it with `xmlFreeDoc`).
///
/// libxml2 reads its input as if a NUL byte followed it, which `buffer` need not have. Once converted, the input is
/// libxml2's own buffer, which has one; before that only the first three bytes are read (to skip a byte-order
/// mark). So `buffer` is read in place only when it has at least four bytes, which also means the conversion
/// always runs; anything shorter is copied, as before.
static inline htmlDocPtr plainlint_html_read_in_place(htmlParserCtxtPtr ctxt, const char *buffer, int size,
                                                      int options) {
  if (ctxt == NULL || buffer == NULL || size < 0) return NULL;
  xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler("UTF-8");
  if (handler == NULL || size < 4) return htmlCtxtReadMemory(ctxt, buffer, size, NULL, "UTF-8", options);
  xmlInitParser();
  htmlCtxtReset(ctxt);
  xmlParserInputBufferPtr input = xmlParserInputBufferCreateStatic(buffer, size, XML_CHAR_ENCODING_NONE);
  if (input == NULL) return NULL;
  xmlParserInputPtr stream = xmlNewIOInputStream(ctxt, input, XML_CHAR_ENCODING_NONE);
  if (stream == NULL) {
    xmlFreeParserInputBuffer(input);
    return NULL;
  }
  inputPush(ctxt, stream);
  // What htmlDoRead does with the options and the encoding.
  htmlCtxtUseOptions(ctxt, options);
  ctxt->html = 1;
  xmlSwitchToEncoding(ctxt, handler);
  if (ctxt->input->encoding != NULL) xmlFree((xmlChar *)ctxt->input->encoding);
  ctxt->input->encoding = xmlStrdup((const xmlChar *)"UTF-8");
  htmlParseDocument(ctxt);
  htmlDocPtr document = ctxt->myDoc;
  ctxt->myDoc = NULL;
  return document;
}
