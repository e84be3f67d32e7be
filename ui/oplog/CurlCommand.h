// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/OpLogRepo.h"

namespace Gui {

/**
 * A logged call as a curl command line an operator can paste into a shell, without secrets: the
 * Authorization header becomes `Bearer $AMOCRM_TOKEN` and other secret headers become variables.
 */
QString curlCommand(const Store::OpLogEntry &entry);

/** A body as indented JSON when it is JSON; as it is otherwise. */
QString prettyBody(const QString &body);

} // namespace Gui
