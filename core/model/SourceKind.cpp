// SPDX-License-Identifier: GPL-3.0-or-later
#include "SourceKind.h"

namespace Model {

QString sourceKindName(SourceKind kind)
{
    return kind == SourceKind::Order ? QStringLiteral("order") : QStringLiteral("form");
}

} // namespace Model
