// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Model {

/** Which kind of shop record a field map reads: an order or a web form's submission. */
enum class SourceKind { Order, Form };
QString sourceKindName(SourceKind kind); ///< "order", "form"

} // namespace Model
