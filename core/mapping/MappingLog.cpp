// SPDX-License-Identifier: GPL-3.0-or-later
#include "MappingLog.h"

namespace Mapping {

Q_LOGGING_CATEGORY(lcMapping, "crmbridge.mapping")

} // namespace Mapping
