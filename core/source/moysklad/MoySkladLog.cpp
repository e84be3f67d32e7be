// SPDX-License-Identifier: GPL-3.0-or-later
#include "MoySkladLog.h"

namespace Source::MoySklad {
Q_LOGGING_CATEGORY(lcMoySklad, "crmbridge.source.moysklad")
}
