// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Job.h"

#include <QCoreApplication>
#include <QString>

namespace Gui {

/**
 * What a failure group is and what to do about it, in the operator's language: a short title of the
 * kind of failure ("The CRM refused a value"), the cause as the CRM named it by HTTP status and error
 * code ("HTTP 400 · validation: NotSupportedChoice") and one line of advice (sign in again, fix the
 * mapping, wait for the CRM …). Chosen by kind, status and code; never matches message text (which
 * stays as the CRM or the engine wrote it). Plain functions; translated when called.
 */
class FailureAdvice
{
    Q_DECLARE_TR_FUNCTIONS(Gui::FailureAdvice)
public:
    /** "HTTP 400 · validation: NotSupportedChoice"; "no answer · network"; empty when nothing is known. */
    static QString cause(const Store::FailureGroup &group);
    /** "The CRM refused a value": what kind of failure it is, in a few words. */
    static QString title(const Store::FailureGroup &group);
    /** One line: what the operator should do before resending the group. */
    static QString advice(const Store::FailureGroup &group);

private:
    enum class Category {
        LaterStep,
        LinkConflict,
        SignIn,
        Unpaid,
        Refused,
        SlowDown,
        Gone,
        Mapping,
        Value,
        ShopData,
        Local,
        NoAnswer,
        Other
    };
    static Category categoryOf(const Store::FailureGroup &group);
};

} // namespace Gui
