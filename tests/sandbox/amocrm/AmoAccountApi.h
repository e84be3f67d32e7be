// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AmoCall.h"

namespace Sandbox::AmoCrm {

class AmoContext;

/** `/api/v4/account` (with `with=` extras) and `/api/v4/users`. Server thread. */
class AmoAccountApi
{
public:
    AmoAccountApi(AmoContext &context, AmoRouter &router);

    static QJsonObject makeUser(AmoAccount &account, const QString &name, const QString &email, bool admin,
                                bool active);

private:
    HttpResponse account(AmoCall &call);
    HttpResponse users(AmoCall &call);
    HttpResponse user(AmoCall &call);
    QJsonObject renderUser(const AmoCall &call, const QJsonObject &user, const QStringList &with) const;

    AmoContext &m_context;
};

} // namespace Sandbox::AmoCrm
