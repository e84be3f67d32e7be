// SPDX-License-Identifier: GPL-3.0-or-later
#include "BitrixLog.h"

namespace Source::Bitrix {
Q_LOGGING_CATEGORY(lcBitrix, "crmbridge.source.bitrix")
}
