// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShopSource.h"

namespace Source {

using Common::Error;

ShopSource::~ShopSource() = default;

Common::Status checkTransition(const ShopStatus &from, const ShopStatus &to)
{
    if (from.id == to.id) {
        return Error::permanent(QStringLiteral("The order is already in the status \"%1\"").arg(to.name),
                                QStringLiteral("status-same"));
    }
    if (from.final) {
        return Error::permanent(
            QStringLiteral("The order is in the final status \"%1\" and cannot change to \"%2\"")
                .arg(from.name, to.name),
            QStringLiteral("status-final"));
    }
    if (from.fixed && to.rank <= from.rank) {
        return Error::permanent(QStringLiteral("The status \"%1\" (rank %2) is fixed: \"%3\" (rank %4) would "
                                               "move the order back; the shop allows only a higher rank")
                                    .arg(from.name)
                                    .arg(from.rank)
                                    .arg(to.name)
                                    .arg(to.rank),
                                QStringLiteral("status-rank"));
    }
    return {};
}

} // namespace Source
