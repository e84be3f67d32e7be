// SPDX-License-Identifier: GPL-3.0-or-later
#include "FileImportLog.h"

namespace Source::FileImport {
Q_LOGGING_CATEGORY(lcFileImport, "crmbridge.source.fileimport")
}
