// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Job.h"

#include <QCoreApplication>
#include <QString>

namespace Gui {

/**
 * What a failure group is and what to do about it, in the operator's language: the cause named by
 * the CRM's HTTP status and error code ("HTTP 400 · validation: NotSupportedChoice") and one line of
 * advice chosen from them (sign in again, fix the mapping, wait for the CRM …). Never matches message
 * text. Plain functions; translated when called.
 */
class FailureAdvice
{
    Q_DECLARE_TR_FUNCTIONS(Gui::FailureAdvice)
public:
    /** "HTTP 400 · validation: NotSupportedChoice"; "no answer · network"; empty when nothing is known. */
    static QString cause(const Store::FailureGroup &group);
    /** One line: what the operator should do before resending the group. */
    static QString advice(const Store::FailureGroup &group);
};

} // namespace Gui
