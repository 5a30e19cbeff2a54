// libxml2's HTML parser (Debian: libxml2-dev).
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xmlerror.h>
#include <libxml/parserInternals.h>
