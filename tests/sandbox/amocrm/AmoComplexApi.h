// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AmoCall.h"

namespace Sandbox::AmoCrm {

class AmoContext;

/**
 * `POST /api/v4/leads/complex`: up to 50 leads, each with at most one embedded contact and company and
 * at most 40 custom field values per entity; answers a bare array with `merged`. Duplicate control
 * (an account option) matches new contacts against existing ones by phone (last 10 digits) or e-mail
 * and folds the lead into that contact's open lead in the same pipeline. Server thread.
 */
class AmoComplexApi
{
public:
    AmoComplexApi(AmoContext &context, AmoRouter &router);

private:
    HttpResponse add(AmoCall &call);

    AmoContext &m_context;
};

} // namespace Sandbox::AmoCrm
