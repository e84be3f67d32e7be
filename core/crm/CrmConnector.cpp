// SPDX-License-Identifier: GPL-3.0-or-later
#include "CrmConnector.h"

namespace Crm {

QString connectorStateName(ConnectorState state)
{
    switch (state) {
    case ConnectorState::Ready:
        return QStringLiteral("ready");
    case ConnectorState::NeedsSignIn:
        return QStringLiteral("needs-sign-in");
    case ConnectorState::Blocked:
        return QStringLiteral("blocked");
    case ConnectorState::PaymentRequired:
        return QStringLiteral("payment-required");
    }
    return QStringLiteral("unknown");
}

} // namespace Crm
